"""Answering: corpus facts, question kinds, answerability, composing the reply."""
