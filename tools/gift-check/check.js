#!/usr/bin/env node
// Independent GIFT check: parse a file with gift-pegjs (a PEG grammar for Moodle GIFT,
// not our own parser) and print what it read as JSON, one record per question:
//   {type, title, stem, embedded, globalFeedback, isTrue, answers: [{text, correct, weight, feedback}]}
// type is gift-pegjs's own: "MC", "TF", "Short", "Numerical", "Matching", "Essay", "Description", "Category".
// For "TF" the answers are TRUE and FALSE, the one the file names correct.
//
//   node tools/gift-check/check.js quiz.gift > parsed.json
//
// Exit 0 on success; 1 on a syntax error (file:line:column: message, then the line);
// 2 on bad usage or an unreadable file; 3 when gift-pegjs is not installed (bash .ci/gift.sh).
"use strict";

const fs = require("fs");

function loadParser() {
  try {
    return require("gift-pegjs");
  } catch (err) {
    console.error(`gift-check: gift-pegjs is not installed (${err.code || err.message}); run: bash .ci/gift.sh`);
    process.exit(3);
  }
}

const textOf = (formatted) => (formatted == null ? null : formatted.text);

function simplify(q) {
  const out = {
    type: q.type,
    title: q.title ?? null,
    stem: q.stem ? q.stem.text : null,
    embedded: Boolean(q.hasEmbeddedAnswers),
    globalFeedback: textOf(q.globalFeedback),
    isTrue: q.type === "TF" ? q.isTrue : null,
    answers: [],
  };
  if (q.type === "TF") {
    out.answers = [
      { text: "TRUE", correct: q.isTrue, weight: null, feedback: textOf(q.trueFeedback) },
      { text: "FALSE", correct: !q.isTrue, weight: null, feedback: textOf(q.falseFeedback) },
    ];
  } else if (Array.isArray(q.choices)) {
    out.answers = q.choices.map((c) => ({
      // Numerical answers are {type, number, …}; text answers are {format, text}.
      text: c.text && typeof c.text.text === "string" ? c.text.text : c.text,
      correct: Boolean(c.isCorrect),
      weight: c.weight ?? null,
      feedback: textOf(c.feedback),
    }));
  }
  return out;
}

function main(argv) {
  if (argv.length !== 1) {
    console.error("usage: node tools/gift-check/check.js FILE.gift");
    return 2;
  }
  const path = argv[0];
  let source;
  try {
    source = fs.readFileSync(path, "utf8");
  } catch (err) {
    console.error(`gift-check: cannot read ${path}: ${err.message}`);
    return 2;
  }
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1); // a BOM is not part of the text
  const { parse } = loadParser();
  let questions;
  try {
    questions = parse(source);
  } catch (err) {
    if (!err.location) throw err; // not a syntax error: a bug, let node print the stack
    const { line, column } = err.location.start;
    const shown = source.split(/\r\n|\n|\r/)[line - 1] ?? "";
    console.error(`${path}:${line}:${column}: ${err.message}\n  ${shown.slice(0, 200)}`);
    return 1;
  }
  process.stdout.write(JSON.stringify(questions.map(simplify), null, 1) + "\n");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
