"""meta: the document's own data (number, date, signer, issuing body, type, field).

Patterns run on the folded, abbreviation-expanded question; ``qa.question`` decides
a question is metadata only when little else is asked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import replace as dc_replace

from ...documents.types import type_names, type_of_abbreviation
from ...facts import _PLACE_NAMES as PLACE_NAMES  # (facts.py is in the index's fingerprint: its list as it is)
from ...facts import find_bodies
from ...text import collapse, content_syllables, expand_abbreviations, fold, has_diacritics
from ..claims import FALSE, TRUE, claimed_dates, date_verdict, is_claim, verdict, without_lead
from ..passages import clip
from .base import Kind, load_slots

_DOC = r"(?:ke hoach|van ban|tai lieu)"
_TYPES = r"(?:ket luan|nghi quyet|chi thi|quy dinh|van ban|chu truong)"
# a choice between issuers: "của BCT hay BBT", "do BCT ra hay do BCH TW ra"
_ISSUER = r"(?:bo chinh tri|ban bi thu|ban chap hanh(?: trung uong(?: dang)?)?|trung uong(?: dang)?|chinh phu|quoc hoi)"
_WHEN = r"(?:khi nao|luc nao|hoi nao|bao gio|nam nao|thang nao|ngay thang nam nao|thang may|nam may)"
# an office named as the one by whom a document is signed ("… do Tổng Bí thư ký, đúng không?")
_OFFICES = "|".join(sorted({re.escape(collapse(fold(o.lower()))) for o in load_slots().get("person", "office")},
                           key=len, reverse=True))

# "ông ấy ký", "do ai ký", "đồng chí nào đã ký": no name (a word of these in the words before "ký")
_PRONOUNS = frozenset("ay do nay kia ta nao ai gi".split())
_NOT_A_NAME = "|".join(sorted(_PRONOUNS))

META_FIELDS = (
    # What a plan implements is named in its preamble ("Thực hiện Kết luận số 21-KL/TW, ngày …");
    # first, for "thực hiện kết luận số mấy" asks that, not the plan's own number.
    ("Căn cứ", rf"\b(de |nham )?(thuc hien|trien khai|cu the hoa|can cu( vao)?|dua tren|lam theo) (mot )?(cai )?{_TYPES}"
               rf"( hay (la )?{_TYPES})? (nao|gi|so may|so bao nhieu|chi(?= *[?.!]*$))\b|\bcan cu (vao )?(dau|van ban nao|gi)\b"
               # "căn cứ trực tiếp để ban hành kế hoạch là văn bản nào?"
               r"|\bcan cu\b.{0,50}\bla (van ban|ket luan|nghi quyet) nao\b"
               # "Kế hoạch thực hiện theo văn bản nào?" (of a task named, its clause answers: ``_besides_document``)
               rf"|\b(thuc hien|trien khai|ban hanh|ra doi) theo (cai )?{_TYPES} (nao|gi)\b"
               # "Kế hoạch 03 thực hiện Kết luận 21-KL/TW hay Nghị quyết Trung ương 4 khóa XII?": two documents offered
               rf"|\b(thuc hien|trien khai|cu the hoa) (cai )?{_TYPES} [^\s\d]*\d\S*( \w+){{0,3}} hay (la )?{_TYPES}\b"
               # "kết luận (mà) nó / kế hoạch này thực hiện là số mấy?"
               rf"|\b{_TYPES}( goc)? (ma )?(cai )?(no|{_DOC}( nay| do)?) \W*(thuc hien|trien khai|cu the hoa)\W*( la)?( {_TYPES})? (nao|gi|so may|so bao nhieu)\b"
               # "số và ngày của kết luận là gì?": the plan calls what it implements "the Conclusion" ("sau đây gọi là Kết luận")
               r"|\b(so|so hieu|ngay)( va (ngay|so|so hieu))? (cua )?(ban |cai )?ket luan (la )?(gi|nao|bao nhieu|may)\b"
               # "văn bản nào là căn cứ ban hành KH 03?"
               rf"|\b{_TYPES} nao (la|lam) can cu\b"
               # a claim of what it implements, to confirm: "tờ này là để làm theo cái văn bản TW ra hồi tháng 10 phải không"
               rf"|\b(de|nham) (lam theo|thuc hien|trien khai|cu the hoa) (cai )?{_TYPES}\b.{{0,40}}\b(phai|dung) (khong|ko|hong|k)\b"
               # "KH 03 của BCT triển khai KL 21 của BCH TW, đúng không?": a named document, to confirm
               rf"|\b{_DOC}( \w+){{0,6}}? (la )?(de |nham )?(thuc hien|trien khai|cu the hoa) {_TYPES} (so )?\d+\b.{{0,50}}"
               r"\b((co )?(phai|dung) (khong|ko|hong|k|chu)|dung hay sai)\b"
               # … or named by the plenum or congress that adopted it: "KH 03 là để triển khai Nghị quyết TW4
               # khóa XII đúng ko", "… là văn bản thực hiện Nghị quyết Trung ương 4 khóa XII, đúng không?"
               rf"|\b{_DOC}( \w+){{0,6}}? (la )?(de |nham )?(van ban )?(thuc hien|trien khai|cu the hoa) {_TYPES}"
               r" (hoi nghi )?(trung uong|tw|dai hoi)(\b|\d).{0,50}\b((co )?(phai|dung) (khong|ko|hong|k|chu)|dung hay sai)\b"),
    ("Số hiệu", r"\b(so hieu|ky hieu|so van ban|so may|so bao nhieu|ma so|mang ma (gi|nao|so gi))\b"
                # "số kế hoạch là mấy?"
                r"|\bso (cua )?(ke hoach|van ban)( nay)? (la )?(may|bao nhieu)\b"),
    # "còn hiệu lực không?" (still in force); not "thế còn hiệu lực từ khi nào?" (what about: from when)
    ("Ngày hết hiệu lực", r"\b(het hieu luc|het han|(?<!the )(?<!vay )con hieu luc(?! (?:tu|ke tu|bat dau)\b)"
                          r"|hieu luc( \w+){0,3} (den|toi) (khi nao|bao gio|luc nao|ngay nao|thoi diem nao"
                          r"|nam nao|thang nao)|hieu luc( \w+){0,5} (trong )?bao lau|thoi han hieu luc)\b"),
    # "có hiệu lực từ ngày nào"; not "nâng cao hiệu lực, hiệu quả" (effectiveness, a content)
    ("Ngày có hiệu lực", r"(?<!nang cao )\b(hieu luc)\b(?!,? (?:va )?hieu qua)"
                         # "có giá trị (áp dụng) từ hôm nào": in force, in other words
                         r"|\bco gia tri (ap dung |thi hanh )?(tu|ke tu)\b|\bgia tri (ap dung|thi hanh)\b"
                         # "kế hoạch bắt đầu dùng từ hôm nào?": the document put to use from a day
                         rf"|\b{_DOC}( nay| 03| ni| do)? (duoc )?(bat dau )?(ap dung|dung|su dung|thi hanh)( tu)? (ngay|hom|khi|luc) nao\b"
                         # "ngày mấy thì văn bản bắt đầu áp dụng?": the day first
                         rf"|\b(tu )?(ngay|hom|khi|luc) (nao|may)\b.{{0,12}}\b{_DOC}( nay| 03| ni| do)? (duoc )?bat dau (ap dung|dung|su dung|thi hanh)\b"
                         # "Bắt đầu áp dụng từ bao giờ?" with nothing else named: the document's own day
                         r"|^bat dau (ap dung|thi hanh)( tu)? (ngay nao|hom nao|khi nao|luc nao|bao gio)\W*$"),
    ("Ngày ban hành", rf"\b(ngay ban hanh|ban hanh (vao )?(ngay|{_WHEN})|ngay k[yi]|k[yi] (vao )?ngay|k[yi] khi nao|ra doi {_WHEN})\b"
                      # "ra ngày nào", "ký hôm nào", "ra hồi nào": a document comes out (ra) or is signed ("ký",
                      # also typed "kí") on a day
                      # ("diễn ra / xảy ra ngày nào": when an event takes place, not a document's day)
                      r"|(?<!dien )(?<!xay )\b(k[yi]|ra|ra doi) (vao )?(ngay|hom) (nao|may|bao nhieu)\b"
                      r"|\bra doi (vao )?(thang|nam) (nao|may)\b"
                      # "được TW thông qua tháng mấy?", "giấy này đề ngày bao nhiêu?": adopted, or dated, on a day
                      r"|\b(thong qua|de) (vao )?(ngay|hom|thang|nam) (nao|may|bao nhieu)\b"
                      # "kế hoạch này ra năm nào?": the document come out
                      rf"|\b(?:{_DOC}|kh)( nay| 03| ni| do)? (duoc )?(dua ra|ra|ban hanh) (vao )?(nam|thang) (nao|may)\b"
                      # "kế hoạch ra năm 2021 hay 2022?", "có phải kế hoạch 03 ra năm 2022 không em": the document
                      # come out ("(đưa) ra") in a year offered, to choose or to confirm
                      # ("… ra đời / ban hành / ký năm 2022 không?": the same, said with another verb)
                      rf"|\b(?:{_DOC}|kh)( nay| 03| ni| do)? (duoc )?((dua )?ra|ra doi|ban hanh|k[yi]) (vao |trong )?(ngay|thang|nam) [\d/]+"
                      r"(?= hay\b|\W*$|\W*((co )?(dung|phai) )?(khong|ko|k|hong|chu)\b)"
                      # "kh03 là kh năm 2022 đúng ko?": the document said to be of a year
                      rf"|\b(?:{_DOC}|kh)( nay| 03| ni| do)? la ((?:{_DOC}|kh) )?(cua |ra )?nam \d{{4}}"
                      r"(?= hay\b|\W*$|\W*((co )?(dung|phai) )?(khong|ko|k|hong|chu)\b)"
                      rf"|\b(?:{_DOC}|{_TYPES})\b(?: \S+){{0,6}} (?<!dien )(?<!xay )(ra|ky) (vao )?(hoi|luc|khi) nao\b"
                      # "Ra hồi nào?", "ký khi nào?" with the document left unsaid (a follow-up's)
                      r"|^(ra|k[yi]) (vao )?((hoi|luc|khi|ngay|nam) nao|bao gio)\b"
                      r"|\bban hanh\b.{0,25}\b(ngay nao|ngay may|ngay bao nhieu|hom nao|khi nao|luc nao|bao gio|nam nao|thang nao)\b"
                      # "ban hành năm 2021 hay 2022": a choice of dates
                      r"|\b(ban hanh|ky|ra doi)\b.{0,12}\b(nam|ngay|thang) [\d/]+ hay\b"
                      # "ban hành tháng 12/2021 phải không?", "Đ/S: … ký ngày 25/10/2021": a date to confirm
                      r"|\b(ban hanh|k[yi]|ra doi) (vao )?(ngay|thang|nam) [\d/]+( nam \d{4})?"
                      r"(\W*((co )?(dung|phai) (khong|ko|k|hong|chu)|dung hay sai)\b|\s*[.!?]*$)"
                      # ("… khi nào, định kỳ hay sao?": "kỳ" of a period folds to "ky" as well)
                      r"|\b(khi nao|bao gio|ngay nao|hom nao|nam nao|thang nao)\b.{0,25}"
                      r"(?<!dinh )(?<!nhiem )(?<!thoi )(?<!hoc )(?<!chu )\b(ban hanh|ky)\b"),
    # "kí" is "ký" spelt with i (kí/ký, lí/lý: both spellings are in use)
    # "thay mặt ai ký?", "ký thay mặt cơ quan nào?": on whose behalf, the issuing body ("T/M BỘ CHÍNH TRỊ");
    # the field's second entry, tried before "Người ký", whose "ai … ký" it would otherwise be
    ("Cơ quan ban hành", r"\b(k[yi] )?thay mat (co quan|cap|ai|ben|to chuc)( nao)?\b"),
    # the recipients ("Nơi nhận") close a document, after its signature: no register field holds them
    ("Nơi nhận", r"\b(noi nhan|ai nhan (ban chinh|van ban|ke hoach|kh)|(gui|phat hanh) (den|toi|cho|ve) (nhung )?(noi|co quan|ai) nao)\b"),
    # what a receiving office's clerk records (its incoming number and day) and who certified a copy: no
    # register field holds them ("ngày văn bản đến Tỉnh ủy và số đến?", "bản sao do cơ quan nào sao lục?")
    ("Số đến, ngày đến", r"\bso den\b|\bngay (van ban |ke hoach )?den (tinh|huyen|dang|co quan|don vi|noi)"),
    ("Nơi sao lục", r"\bsao luc\b|\bsao y( ban chinh)?\b"),
    # the signer's office: no register line gives it ("chức vụ người ký", "người ký giữ chức gì")
    ("Chức vụ người ký", r"\bchuc (vu|danh) (cua )?(nguoi|ong|dong chi) k[yi]\b"
                         r"|\b(nguoi|ong|dong chi|ai|nao) k[yi]\b.{0,30}\b(chuc (vu|danh)|giu chuc|cuong vi|tu cach) (gi|nao|la gi)\b"
                         # "ký với chức danh gì?", "ký kế hoạch này với tư cách gì?"
                         r"|\bk[yi]\b.{0,30}\b(voi|o|bang|theo) (chuc( vu| danh)?|cuong vi|tu cach) (gi|nao|la gi)\b"
                         # "Ông Võ Văn Thưởng ký văn bản này với tư cách gì?": the signer named (no other topic) first
                         r"|\b(?P<named>(ong|ba|dong chi|d/c|bac)( \w+){1,4}) (co |da )?k[yi]\b.{0,30}"
                         r"\b(voi|o|bang|theo) (chuc( vu| danh)?|cuong vi|tu cach) (gi|nao|la gi)\b"
                         # "ông … ký kế hoạch này, giờ còn giữ chức gì?": the signer named, then the office asked
                         r"|\bk[yi]\b.{0,40}\bgiu (chuc( vu| danh)?|cuong vi) (gi|nao|la gi)\b"
                         # "Ai là Thường trực Ban Bí thư lúc ký kế hoạch này?": who held an office when it was signed
                         rf"|\bai (la|dang la|giu chuc|giu cuong vi) (?:{_OFFICES})\b.{{0,40}}\b(luc|khi|hoi) k[yi]\b"
                         # "đồng chí ấy giữ chức vụ gì lúc ký?"
                         r"|\bchuc (vu|danh) (gi|nao)\b.{0,12}\b(luc|khi) k[yi]\b"
                         # the office alone, after who signed ("Ai ký? || Chức vụ gì?", "ai ký, giữ chức vụ gì?")
                         r"|^\W*(giu |la |voi )?(chuc (vu|danh)|cuong vi)( cua (ong|nguoi|dong chi)( ay| do| nay)?)? (gi|nao|la gi)\b"),
    ("Người ký", r"\b(nguoi k[yi]|ai (da )?k[yi]|k[yi] boi(?! (ong|ba|dong chi|d/c|bac) )|k[yi] ten|do ai k[yi]|(dong chi|d/c|ong|ba) nao (da )?k[yi]|chu k[yi])\b|\bai\b.{0,40}\bk[yi]\b"
                 r"|\bk[yi]\b.{0,40}\bboi (ai|dong chi nao|nguoi nao)\b"
                 # a person named as its signer, to be confirmed: "ông Võ Văn Thưởng ký kế hoạch này (phải không)?"
                 # (its words are the field's, not something else asked: ``named`` in qa/question.py)
                 # ("… ký bởi ông Nguyễn Phú Trọng phải không?": the person after the verb)
                 # ("Tổng Bí thư có ký kế hoạch ni không?": an office named as its signer)
                 # ("Ông Thưởng kí cái này hả?": a person called by the given name, as Vietnamese do; "đồng chí
                 # Tổng Bí thư Nguyễn Phú Trọng": the office between the honorific and the name)
                 rf"|\b(?P<named>((ong|ba|dong chi|d/c|bac)( (?:{_OFFICES}))?( (?!({_NOT_A_NAME})\b)\w+){{1,4}}|(?:{_OFFICES}))"
                 # ("Có phải ông Võ Văn Thưởng đã ký không?": the document left unsaid)
                 r" (co )?(da )?k[yi]( (cai )?(ke hoach|van ban|kh|nay)|(?=( (khong|ko|hong|chu|ha|a))?\W*$))"
                 r"|k[yi] boi (ong|ba|dong chi|d/c|bac)( \w+){2,4})\b"
                 # "… do đồng chí Võ Văn Thưởng ký (phải không)?": a person named as the one by whom it is signed
                 # ("… do đồng chí Tổng Bí thư ký. Điều đó đúng chăng?": the tag in a sentence of its own)
                 rf"|\b(?P<by>do ((ong|ba|dong chi|d/c|bac)( (?:{_OFFICES}))? \w+( \w+){{0,3}}|(?:{_OFFICES})( \w+){{0,3}}) k[yi])\b\W*"
                 # ("Có phải kế hoạch do ông … ký không?": the question's own "không" closes it)
                 r"(((dieu|chuyen|thong tin) (do|nay|ay) )?((co )?(dung|phai|co phai) )?(khong|ko|k|hong|chu|chang)\b\W*"
                 # ('… do đồng chí … ký" - đúng hay sai ạ?': the statement quoted, then the tag)
                 r"|dung hay sai( a| nhi)?\W*)?$"),
    # where it was signed: the dating line's place ("Hà Nội, ngày …")
    # "ký ở đâu", "ký kế hoạch ở đâu", "ban hành tại tỉnh nào"
    ("Nơi ký", r"\b(k[yi]|ban hanh|ra doi|ra)( (ke hoach|van ban|kh)( \w+)?)? (o|tai) (dau|mo|(tinh|thanh pho|dia phuong) (nao|mo))\b"
               # "nơi ban hành": the place a document is issued in (as the dating line gives it)
               r"|\b(noi|dia diem) (k[yi]|ban hanh)\b|\bdia danh\b"
               # "… được ban hành tại Hà Nội, đúng không?", "Đúng hay sai: KH03 ban hành tại TP HCM": a place stated, to
               # confirm, the tag after it or nothing (the place's words, however many, are the field's: ``named``)
               rf"|\b(?P<named>(k[yi]|ban hanh|ra doi)( (ke hoach|van ban|kh)( \w+)?)? (o|tai) (?:{PLACE_NAMES}))\b"
               r"(.{0,30}\b(phai|dung) (khong|ko|k|hong|chu|chang)\b|\W*$)"),
    # "ai đứng tên ra văn bản": the body in whose name it is issued
    ("Cơ quan ban hành", r"\b(co quan ban hanh|ai ban hanh|do ai ban hanh|ban hanh boi|cap nao ban hanh|co quan nao ban hanh"
                         r"|(ai|co quan nao) dung ten"
                         # "ai là tác giả của Kết luận 21?": a Party document's author is the body that issues it
                         r"|tac gia( cua)?( cai)? (ke hoach|ket luan|nghi quyet|chi thi|quy dinh|van ban|kh|kl|nq)\b"
                         r"|(ke hoach|ket luan|nghi quyet|chi thi|quy dinh|van ban|kh|kl|nq)\b.{0,40}\btac gia (la ai|la gi|nao)"
                         r"|\btac gia\W*$)\b"
                         r"|\bdo\b.{3,60}\bban hanh(\s*[?.!]*$|\W+(dung|phai) (hay|khong))"
                         # "của cơ quan nào ra", "ai ra kế hoạch này"
                         rf"|\b(cua|do) (co quan|cap) nao (ra|ban hanh|k[yi])\b|\bai ra (cai )?{_DOC}\b"
                         # "Kế hoạch 03 do ai ra?", "KH 03 là ai ra vậy, BCT hay BBT?"
                         rf"|\b{_DOC}\b(?: \S+){{0,8}} (?:do|la|(?:la )?cua) ai (?:ra|lam ra)"
                         r"(?= *(?:[?.!,]|$| (?:vay|day|a|the|nhi|ha|nhe|moi nguoi|may anh|may chi)\b))"
                         rf"|\b{_DOC}\b.{{0,40}}\b(la )?(cua|do) (co quan|cap|ai) nao\b"
                         rf"|\b{_DOC}\b.{{0,40}}\b(cua|do) {_ISSUER}\b.{{0,20}}\bhay\b.{{0,12}}\b{_ISSUER}\b"
                         rf"|\b{_ISSUER} hay (la )?{_ISSUER} (k[yi] )?(ban hanh|ra|k[yi])\b"
                         # "vb 03-KH/TW BCT hay BBT?": the document, then a choice of issuers, nothing between
                         rf"|\b{_DOC}( so)?( \S*\d\S*)?( nay| do| ay)? (la )?(cua |do )?{_ISSUER} hay (la )?(cua |do )?{_ISSUER}\W*$"
                         # "Đúng hay sai: KH03 là của Ban Bí thư ra", "KH 03 do BCT ra đúng không": an issuer stated
                         rf"|\b{_DOC}\b(?: \S+){{0,3}} (?:la )?(?:cua|do) {_ISSUER} (?:ra|lam ra|ban hanh)"
                         r"(?:\W+(?:(?:dung|phai) (?:khong|ko|k|hong|chu)|a|ha))?\W*$"
                         # "do Bộ Chính trị ban hành chứ không phải Ban Bí thư (đúng không)?"
                         rf"|\b(cua|do) {_ISSUER} (k[yi] )?(ban hanh|ra)\b,? (chu )?(khong|ko|k) phai (la )?(do |cua )?{_ISSUER}\b"
                         # "có phải Bộ Chính trị ban hành kế hoạch 03 không?"
                         rf"|\bco phai (la )?{_ISSUER} (ban hanh|ra)\b"
                         # "BCT ban hành hay BBT ban hành?"; "là của BCT ban hành đúng không?", "do BCT ban
                         # hành tháng 12/2021 phải không?" (a month or day beside it: the issuer is confirmed)
                         rf"|\b{_ISSUER} (k[yi] )?(ban hanh|ra)\b.{{0,12}}\bhay (la )?(do |cua )?{_ISSUER}\b"
                         rf"|\b(cua|do) {_ISSUER} (k[yi] )?(ban hanh|ra)( (vao )?(ngay|thang|nam) [\d/]+)?"
                         r",? ((co )?(dung|phai) )?(khong|ko|k|hong|chu)\b\W*((a|vay|nhi|nhe)\b\W*)*$"
                         # "KH03 là văn bản của Ban Bí thư, đúng không ạ?": the document said to be a body's
                         rf"|\b(?:{_DOC}|kh)( so)?( \S*\d\S*)?( nay| do| ay)? la ((?:{_DOC}|kh) )?(cua|do) {_ISSUER}"
                         r",? ((co )?(dung|phai) )?(khong|ko|k|hong|chu|chang)\b\W*((a|vay|nhi|nhe|em|anh|chi)\b\W*)*$"),
    ("Loại văn bản", r"\b(loai van ban|la loai (van ban )?gi|the loai|hinh thuc van ban)\b"
                     # "Văn bản này loại gì?", "kế hoạch này thuộc loại nào?"
                     # ("Văn bản 03-KH/TW thuộc loại gì": its number between)
                     r"|\b(van ban|ke hoach|kh|tai lieu)( so)?( \S*\d\S*)?( nay| 03)? (la |thuoc )?loai (gi|nao)\b"
                     # "… có phải là nghị quyết không?" (not "là Nghị quyết 4": a document, by its number)
                     r"|\bco phai la (mot )?(nghi quyet|ke hoach|chi thi|quy dinh|ket luan|thong bao|huong dan|nghi dinh|luat"
                     r"|quyet dinh)\b(?! (so )?\d)(?= (khong|ko|hong|chu|a)\b|\W*$)"
                     # "là kế hoạch, nghị quyết hay chỉ thị?"
                     r"|\b(la|thuoc) (nghi quyet|ke hoach|chi thi|quy dinh|ket luan|thong bao|huong dan|nghi dinh|luat|quyet dinh)"
                     r"(,? (nghi quyet|ke hoach|chi thi|quy dinh|ket luan|thong bao|huong dan|nghi dinh|luat|quyet dinh))*"
                     r",? hay (la )?(nghi quyet|ke hoach|chi thi|quy dinh|ket luan|thong bao|huong dan|nghi dinh|luat"
                     r"|quyet dinh)\b"),
    ("Tên văn bản", r"\bten (day du |chinh thuc |goi |goi day du )?(cua )?(ke hoach|van ban|tai lieu)\b"
                    # "tiêu đề đầy đủ của văn bản là gì?"
                    r"|\btieu de (day du |chinh thuc )?(cua )?(ke hoach|van ban|tai lieu)\b|\btieu de (day du|chinh thuc)\b"
                    r"|\bten (day du|chinh thuc|goi day du)( cua no)? (la )?gi\b"
                    r"|\b(ke hoach|van ban|tai lieu) (nay )?(ten|co ten|ten goi) (day du )?(la )?gi\b|\btrich yeu\b"
                    # what the whole document is about: its name says it
                    # ("có mấy ý chính" counts the parts of a part)
                    r"|\b(noi dung chinh|chu de|tom tat|tom luoc)\b|(?<!may )(?<!nhieu )\by chinh\b"
                    # "Kế hoạch 03 là gì?": the document named and nothing else asked
                    r"|^(cai )?(ke hoach|van ban)( so)?( \d+[\w/-]*)?( nay)? la (gi|cai gi)\b"
                    r"|\bnoi ve (gi|cai gi|van de gi|dieu gi|chuyen gi)\b"
                    # "(tóm tắt) nội dung kế hoạch 03 giúp em", "cho em xin nội dung kế hoạch này": the whole
                    # document's content, named by its number ("nội dung kế hoạch thực hiện …" is a task's)
                    r"|^(cho \w+ (xin|hoi) )?(cac |nhung )?noi dung( chinh| co ban| tong quat)?( cua)?"
                    r" (ke hoach|van ban|tai lieu)( so)? (\d+[\w/-]*|nay|ni)\b"
                    r"|\bve (van de|chu de) gi\b"),
    # "thuộc mảng nào", "được xếp vào mảng nào": a field of work, in other words
    ("Lĩnh vực", r"\b(linh vuc)\b|\b(thuoc|la|xep vao|xep o|nam trong) mang (nao|gi)\b"),
)


# in force from the day it was signed or issued ("có hiệu lực (ngay) từ ngày ký", "kể từ ngày ban hành")
_FROM_ISSUE = re.compile(r"\b(?:tu|ke tu|ngay tu|cung|ngay) ngay (?:k[yi]|ban hanh)\b")


def _day(dating_line: re.Match) -> str:
    """"01/12/2021" from a dating line's match ("Hà Nội, ngày 01 tháng 12 năm 2021")."""
    day, month, year = (int(g) for g in dating_line.groups()[1:])
    return f"{day:02d}/{month:02d}/{year}"


# "(03-KH/TW; văn bản ghi: «…»)", "(03-KH/TW)": where an answer comes from, said once per reply
_SOURCE = re.compile(r"\s*\([^()]*\d{2}-[A-ZĐ]+/[A-Z]+[^()]*\)")

# The clause that answers a field, where it is not the metadata block.
CLAUSE_OF_FIELD = {"Tên văn bản": "title", "Căn cứ": "preamble"}
_IMPLEMENTS = re.compile(r"((?:Kết luận|Nghị quyết|Chỉ thị|Quy định|Kế hoạch|Thông báo|Hướng dẫn) số [\w/.-]+"
                         r"(?:, ngày \d{1,2}/\d{1,2}/\d{4})?(?: của [^;(]+)?)")


# "kết luận mà kế hoạch này thực hiện", "cái văn bản gốc mà Kế hoạch dựa vô": the document a plan
# implements, described instead of named (folded text)
_IMPLEMENTING = r"(?:thuc hien|trien khai|dua vo|dua vao|dua tren|can cu(?: vao)?|cu the hoa|lam theo|thuc thi)"
# ("văn bản kế hoạch thực hiện KL 21" is the plan: a description says "mà", or points at the plan, and
# names no document after its verb)
_DESCRIBED = re.compile(rf"\b(?:cai )?(?:{_TYPES}|van kien)(?: goc)?(?: (?:ma|duoc|do) (?:{_DOC}|kh|no)(?: (?:nay|ni|do|03|so 03))?"
                        rf"| (?:{_DOC}|kh|no) (?:nay|ni|03|so 03)) {_IMPLEMENTING}\b(?! (?:{_TYPES}|kl|nq|so)\b| \d)"
                        r"(?: (?:ay|nay)\b)?"
                        # "văn bản gốc (của kế hoạch) đó": the source document
                        rf"|\b(?:cai )?van (?:ban|kien) goc\b(?: (?:cua|ma) (?:{_DOC}|kh|no)(?: (?:nay|ni|03|so 03))?"
                        rf"(?: {_IMPLEMENTING})?| (?:lam |la )?can cu (?:cho|cua) (?:{_DOC}|kh)(?: (?:nay|ni|03|so 03))?)?"
                        r"(?: (?:ay|do|nay)\b)?")
_NAMED = re.compile(r"(?:Kết luận|Nghị quyết|Chỉ thị|Quy định|Kế hoạch|Thông báo|Hướng dẫn) số [\w/.-]*\w")


def _implemented_names(preambles) -> set[str]:
    """The names of the documents the held documents' preambles say they implement ("Kết luận số 21-KL/TW")."""
    return {m.group(0) for p in preambles() for m in [_IMPLEMENTS.search(p)] if m for m in [_NAMED.match(m.group(1))] if m}


def described_implemented(text: str, preambles) -> str:
    """The text with a description of the document the plan implements ("kết luận mà kế hoạch này
    thực hiện") replaced by its name ("Kết luận số 21-KL/TW"), taken from the preambles of the
    documents held (``preambles()``, read only when the text describes one), so that what is asked
    of it (its date, its issuer) is asked of that document. Unchanged without such a description,
    or when the documents held implement none or several.

    >>> described_implemented("cái kết luận mà kế hoạch này thực hiện ra đời hồi nào?",
    ...                       lambda: ["Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng"])
    'Kết luận số 21-KL/TW ra đời hồi nào?'
    """
    folded = fold(text)
    found = _DESCRIBED.search(folded) if len(folded) == len(text) else None  # spans cut the text as typed
    if found is None:
        return _defined_named(text, folded, preambles)
    names = _implemented_names(preambles)
    if len(names) != 1:
        return text
    return text[:found.start()] + names.pop() + text[found.end():]


# "kết luận này", "cái KL đó": a document of a kind pointed at, in a question that names none
_POINTED_KIND = re.compile(r"\b(?:cai )?(ket luan|kl|nghi quyet|nq|chi thi|quy dinh)\b (?:nay|ni|do|ay)\b")
_SHORT_KIND = {"kl": "ket luan", "nq": "nghi quyet"}


def points_at_kind(text: str) -> bool:
    """The text points at a document by its kind ("kết luận này", "cái KL đó")."""
    return _POINTED_KIND.search(fold(text).lower()) is not None


def pointed_implemented(text: str, preambles) -> str:
    """The text with "kết luận này / đó / ấy" replaced by the name of the document the plan implements,
    when that document is of the kind pointed at ("Ket luận nay dc ban hanh ngay nào?" asks the date of
    Kết luận số 21-KL/TW, the one conclusion the plan is about). For a question asked on its own, that
    names no document: after an earlier turn, or a document named before, the pointing is theirs.

    >>> pointed_implemented("cái KL đó TW ban hành ngày nào ạ",
    ...                     lambda: ["Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng"])
    'Kết luận số 21-KL/TW TW ban hành ngày nào ạ'
    """
    folded = fold(text).lower()
    found = _POINTED_KIND.search(folded) if len(folded) == len(text) else None
    if found is None:
        return text
    kind = _SHORT_KIND.get(found.group(1), found.group(1))
    names = _implemented_names(preambles)
    if len(names) != 1:
        return text
    name = names.pop()
    if not fold(name).lower().startswith(kind + " "):
        return text
    return text[:found.start()] + name + text[found.end():]


# "văn bản số 19", "cái văn bản 19 mà KH nhắc tới": a document named by its number alone, no kind
_BY_NUMBER = re.compile(r"\b(?:cai )?(van ban|van kien|tai lieu)(?: so)? (\d{1,4})\b(?![-/.]\d|[-/]\w)")


def named_by_number(text: str, doc_keys) -> str:
    """The text with a document named by its number alone ("văn bản số 19") given its kind
    ("Kết luận số 19") when exactly one document held or cited (``doc_keys``: ("kl", 19), …) has that
    number; unchanged otherwise.

    >>> named_by_number("Cái văn bản số 19 mà KH nhắc tới ra đời hôm nào?", {("kh", 3), ("kl", 19), ("kl", 21)})
    'Cái Kết luận số 19 mà KH nhắc tới ra đời hôm nào?'
    """
    folded = fold(text)
    found = _BY_NUMBER.search(folded) if len(folded) == len(text) else None
    if found is None:
        return text
    kinds = {kind for kind, number in doc_keys if number == int(found.group(2))}
    kind = type_of_abbreviation(kinds.pop()) if len(kinds) == 1 else None
    if kind is None:
        return text
    name = f"{kind.name.capitalize()} số"  # "KẾT LUẬN" (qa/data/document_types.tsv) → "Kết luận số"
    name = name if has_diacritics(text) else fold(name)
    return text[:found.start(1)] + f"{name} {found.group(2)}" + text[found.end():]


def misnamed(text: str, titles) -> tuple[str, str] | None:
    """A document named by the number of one the corpus holds or cites, under another type ("nghị quyết
    21 về chỉnh đốn Đảng" for «Kết luận số 21-KL/TW», "Chỉ thị 03" for the plan 03-KH/TW): the text with
    the type put right, and a note that says so; None when no document has that number, several do, or
    the question shares fewer than ``_MISNAMED_SHARED`` content words with the title of the one that does
    (``titles``: (type, number) → folded title syllables). A name of another document with the same
    number ("Kế hoạch 01 năm 2016" beside «Kết luận số 01-KL/TW») stays, and the corpus does not hold it.

    >>> misnamed("Nghị quyết 21 về chỉnh đốn Đảng ra đời khi nào?", {("kl", 21): frozenset({"chinh", "don", "dang"})})[1]
    'Tài liệu không có Nghị quyết số 21, chỉ có Kết luận số 21-KL/TW.'
    """
    from ...question import document_mentions, document_number, without_documents  # (question.py reads the kinds)
    expanded = expand_abbreviations(text)
    folded = fold(expanded)
    if len(folded) != len(expanded):
        return None
    mentions = document_mentions(folded)
    for start, end, key in mentions:
        same = [k for k in titles if k[1] == key[1]]
        if key in titles or len(same) != 1:
            continue
        meant = same[0]
        spans = sorted((s, e) for s, e, k in mentions if k == key)
        rest = without_documents(expanded, {key})
        for body in find_bodies(rest):  # "của Bộ Chính trị": an issuer, not what the document is about
            rest = rest[:body.start] + " " * (body.end - body.start) + rest[body.end:]
        if len(set(content_syllables(rest)) & titles[meant]) < _MISNAMED_SHARED:
            continue
        asked, right = type_of_abbreviation(key[0]), type_of_abbreviation(meant[0])
        if asked is None or right is None:
            continue
        name = f"{right.name.capitalize()} số {key[1]:02d}"
        name = name if has_diacritics(text) else fold(name)
        out, last = [], 0
        for s, e in _merged(spans):
            out += [expanded[last:s], name]
            last = e
        note = (f"Tài liệu không có {asked.name.capitalize()} số {key[1]:02d}, chỉ có {right.name.capitalize()} "
                f"số {document_number(meant)}.")
        return collapse("".join(out) + expanded[last:]), note
    return None


_MISNAMED_SHARED = 2


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one ("Nghị quyết số 21-NQ/TW" is named twice)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# "Thực hiện Kết luận số 21-KL/TW, … (sau đây gọi là Kết luận)": the short name a document gives what it implements
_DEFINED = re.compile(r"\(sau đây gọi (?:tắt )?là ([^)]{2,40})\)")
# the short name opening a question about its register: "Kết luận ban hành ngày nào?", "Kết luận do ai ký?"
# (not "Kết luận của Bộ Chính trị về …", which describes another; nor "kết luận đó", which points back)
_TERM_OPENS = re.compile(rf"^\W*(?:cai )?({_TYPES})(?= (?:duoc )?(?:ban hanh|ra doi|ra (?:ngay|hom|hoi|luc|khi)|k[yi]|do (?:ai|co quan|cap)))")


def defined_name(preamble: str) -> str | None:
    """The short name a preamble gives what the document implements ("sau đây gọi là Kết luận"), or None."""
    defined = _DEFINED.search(preamble)
    return defined.group(1) if defined else None


def _defined_named(text: str, folded: str, preambles) -> str:
    """The text with the short name a preamble defines for what it implements ("sau đây gọi là Kết luận"),
    opening a question about its register, replaced by the document's name; unchanged otherwise."""
    typed = text
    expanded = expand_abbreviations(text, accents=has_diacritics(text))  # "KL ký ngày nào?"
    if expanded != text:
        text, folded = expanded, fold(expanded)
    opens = _TERM_OPENS.match(folded) if len(folded) == len(text) else None
    if opens is None:
        return typed
    names = set()
    for preamble in preambles():
        implements, defined = _IMPLEMENTS.search(preamble), defined_name(preamble)
        named = _NAMED.match(implements.group(1)) if implements else None
        if named and defined and fold(defined).lower().strip() == opens.group(1):
            names.add(named.group(0))
    if len(names) != 1:
        return typed
    return text[:opens.start(1)] + names.pop() + text[opens.end(1):]


# "Hà Nội, ngày 01 tháng 12 năm 2021": a document's dating line
_DATED = re.compile(r"([A-ZĐÀ-Ỹ][\w ]{1,30}), ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


class Meta(Kind):
    name = "meta"

    def holds_answer(self, q, clause, ctx) -> bool:
        """A metadata clause that gives the field asked (the title clause for the name, the
        preamble for what the document implements)."""
        if q.meta_field in CLAUSE_OF_FIELD:
            return clause.kind == CLAUSE_OF_FIELD[q.meta_field]
        if q.meta_field == "Nơi ký":  # the register has no place: the dating line gives it
            return clause.kind in ("meta", "header") and self._dating(clause.doc_id, ctx) is not None
        return clause.kind == "meta" and (not q.meta_field or any(
            line.startswith((q.meta_field + " ", q.meta_field + ":")) for line in clause.text.split("\n")))

    def answer(self, q, hits, ctx):
        first = self._checked(q, self._field_answer(q, hits, ctx))
        if first is None:
            return None
        text, clause = first if isinstance(first, tuple) else (first, None)
        if q.also_fields:
            # "do ai ký và ký thay mặt cơ quan nào?": each field asked, in a few words after the first
            more = []
            for field in q.also_fields:
                other = self._field_answer(dc_replace(q, meta_field=field, also_fields=()), hits, ctx)
                other = other[0] if isinstance(other, tuple) else other
                if other and not other.startswith("Thông tin văn bản không ghi"):
                    more.append(_SOURCE.sub("", other).rstrip(". "))
            text = "; ".join([text.rstrip("."), *more]) + "."
        same = self._in_force_on_issue(q, hits, ctx)
        if same is not None and not text.startswith((TRUE, FALSE)):
            # "… có hiệu lực ngay từ ngày ký, đúng không?": the two days compared
            text = f"{same} {text}"
        return (text, clause) if clause is not None else text

    def _in_force_on_issue(self, q, hits, ctx) -> str | None:
        """«Đúng.» or «Không đúng.» when a statement says the document is in force from the day it was
        signed or issued, from the two days the register gives; None otherwise."""
        if q.meta_field != "Ngày có hiệu lực" or not is_claim(q.text) \
                or not _FROM_ISSUE.search(collapse(fold(without_lead(q.text).lower()))):
            return None
        days = []
        for field in ("Ngày có hiệu lực", "Ngày ban hành"):
            found = self._field_answer(dc_replace(q, meta_field=field, also_fields=()), hits, ctx)
            found = found[0] if isinstance(found, tuple) else found
            day = re.search(r"\d{2}/\d{2}/\d{4}", found or "")
            if day is None:
                return None
            days.append(day.group(0))
        return TRUE if days[0] == days[1] else FALSE

    def _field_answer(self, q, hits, ctx):
        if q.meta_field == "Tên văn bản":
            title = next((h.clause for h in hits if h.clause.kind == "title"), None)
            return (f"{title.text} ({title.doc_id}).", title) if title else None
        if q.meta_field == "Căn cứ":
            preamble = next((h.clause for h in hits if h.clause.kind == "preamble"), None)
            found = _IMPLEMENTS.search(preamble.text) if preamble else None
            if not found:
                return None
            where = f" ({preamble.doc_id}, phần mở đầu)."
            return clip(found.group(1).strip(), ctx.config.answer_max_chars - len(where)) + where, preamble
        meta = next((h.clause for h in hits if h.clause.kind == "meta"), None)
        if meta is None or not q.meta_field:
            return None
        if q.meta_field == "Nơi ký":
            dated = self._dating(meta.doc_id, ctx)
            if dated is None:
                return f"Văn bản không ghi nơi ký ({meta.doc_id}).", meta
            found, header = dated
            return f"{found.group(1).strip()} ({meta.doc_id}; văn bản ghi: «{found.group(0)}»).", header
        for line in meta.text.split("\n"):
            if line.startswith(q.meta_field + " ") or line.startswith(q.meta_field + ":"):
                value = line[len(q.meta_field):].lstrip(" :")
                if q.meta_field == "Cơ quan ban hành":
                    own = self._issuer_in_text(meta.doc_id, value, ctx)
                    if own:
                        return own
                if q.meta_field == "Ngày ban hành":
                    dated = self._dating_line(meta.doc_id, value, ctx)
                    if dated:
                        return dated
                return f"{q.meta_field}: {value} ({meta.doc_id}).", meta
        return f"Thông tin văn bản không ghi {q.meta_field.lower()}.", meta

    @staticmethod
    def _checked(q, found):
        """The field's answer, after "Đúng." or "Không đúng." when the question is a statement to check
        that names a value of the field ("Đúng hay sai: Kế hoạch 03 do Ban Bí thư ban hành.")."""
        # ("Ông Thưởng kí cái này hả?": a person named as the signer is to be confirmed, tagged or not)
        named_signer = q.meta_field == "Người ký" and any(
            _signer_named(m) is not None for m in _SIGNED_BY.finditer(collapse(fold(q.text.lower()))))
        if found is None or not (is_claim(q.text) or named_signer):
            return found
        text, clause = found if isinstance(found, tuple) else (found, None)
        said = _claim_verdict(q, without_lead(q.text), text)
        if said is None:
            return found
        # the verdict, then what the plan gives with its source
        text = f"{said} {text}"
        return (text, clause) if clause is not None else text

    @classmethod
    def issue_date(cls, doc_id: str, ctx):
        """The document's issue date from its dating line, with the line's clause (the masthead);
        None when it has none. "ngày nào?" asked of the masthead asks this."""
        dated = cls._dating(doc_id, ctx)
        if dated is None:
            return None
        found, header = dated
        return f"Ngày ban hành: {_day(found)} ({doc_id}; văn bản ghi: «{found.group(0)}»).", header

    @staticmethod
    def _dating(doc_id: str, ctx):
        """The document's dating line ("Hà Nội, ngày 01 tháng 12 năm 2021") and its clause."""
        header = ctx.front(doc_id, "header")
        found = _DATED.search(header.text) if header else None
        return (found, header) if found else None

    @classmethod
    def _dating_line(cls, doc_id: str, listed: str, ctx):
        """The date in the document's own words, its dating line ("Hà Nội, ngày 01 tháng 12 năm
        2021"), cited before the register's data when the two agree."""
        dated = cls._dating(doc_id, ctx)
        return cls.issue_date(doc_id, ctx) if dated is not None and _day(dated[0]) == listed.strip() else None

    @staticmethod
    def _issuer_in_text(doc_id: str, listed: str, ctx):
        """The body the document itself says issues it ("… Bộ Chính trị ban hành Kế hoạch"),
        which a register's listing ("Cơ quan ban hành: Ban Chấp hành Trung ương") may name
        differently: the text is the document's own word, the listing is said beside it."""
        preamble = ctx.front(doc_id, "preamble")
        if preamble is None:
            return None
        text = preamble.text
        issued = re.search(rf" ban hanh (?:{_type_words()})\b[\w ]{{0,30}}", fold(text))
        # the gazetteer's body that ends where "ban hành <a document type>" begins
        issuer = next((b for b in find_bodies(text) if issued and b.end == issued.start()), None)
        if issuer is None or issuer.name == listed:
            return None
        quoted = text[issuer.start:issued.end()]
        answer = f"{issuer.name} ({doc_id}: «{quoted}»; thông tin văn bản ghi cơ quan ban hành: {listed})."
        return answer, preamble


# A statement's words that name what the field's value does: "… ban hành ngày …", "do … ký"
# ("kh03 là kh năm 2022": the document said to be of a year)
_ISSUING = re.compile(r"\b(?:ban hanh|k[yi]|ra doi|ra|la(?= (?:(?:ke hoach|kh|van ban) )?(?:cua |ra )?nam \d))\b")
# what follows a body said to issue the document: "… (khóa XIII) ban hành / ra / ký"
# "do Ban Bí thư ban hành", "Ban Bí thư là cơ quan ban hành Kế hoạch 03": the body said to issue it
_ISSUED_AFTER = re.compile(r"[\s,]*(?:khoa \w+\s*)?(?:(?:la|chinh la) (?:co quan|cap|noi|ben) )?(?:ban hanh|ra|k[yi])\b")
_IN_FORCE = re.compile(r"\b(?:hieu luc|ap dung|thi hanh|co gia tri)\b")
_NUMBER = re.compile(r"(?<![\w/-])\d{1,3}\s*[-/]\s*[a-z]{2,3}\s*[-/]\s*[a-z]{2,3}(?![\w/-])")
# "ông/đồng chí <name> ký", "do <name> ký": a person named as the signer (folded)
# ("do đồng chí Tổng Bí thư Nguyễn Phú Trọng ký": the office named before the person is left out; "ông Thưởng
# kí": the given name alone)
_SIGNED_BY = re.compile(rf"\b(?:(?:ong|ba|dong chi|d/c|bac)|do(?: (?:ong|ba|dong chi|d/c|bac))?)(?: (?:{_OFFICES}))?"
                        r" ((?:\w+ ){0,3}\w+) (?:co )?(?:da )?k[yi]\b")
# "người ký là (tổng bí thư) Nguyễn Phú Trọng, đúng không": the name is the two or three words before the cue
# "… ký bởi Tổng Bí thư (, đúng không)": who signed, after the verb
_SIGNED_BY_AFTER = re.compile(r"\bk[yi] boi (?:(?:ong|ba|dong chi|d/c|bac) )?((?:\w+ ){0,3}?\w+)"
                              r"(?=\W*$|\W+(?:dung|phai|co phai|chinh xac)\b)")
_SIGNER_IS = re.compile(r"\bnguoi k[yi]\b.*?\bla (?:.*? )??((?:\w+ ){1,2}\w+)\W*(?:dung|phai|co phai)\b")
# what may stand between a name and "ký" ("ông Nguyễn Phú Trọng có ký …", "… đã ký"): not the name
_BEFORE_VERB = re.compile(r"(?:(?:^|\s+)(?:co|da|cung|se|vua|moi|la|nguoi))+$")


def _signer_named(found: re.Match) -> str | None:
    """The name a signer pattern caught, without the words before the verb; None when it names no one."""
    name = _BEFORE_VERB.sub("", found.group(1))
    return name if name and not set(name.split()) & _PRONOUNS else None
_VALUE = re.compile(r"^[^:]+:\s*(.+?)\s*\(")


@lru_cache(maxsize=1)
def _type_words() -> str:
    """The document types (``qa/data/document_types.tsv``), folded, as regex alternatives."""
    return "|".join(re.escape(fold(name)) for name in type_names())


def _claim_verdict(q, statement: str, answer: str) -> str | None:
    """The verdict on a statement about the field asked, from the field's answer; None when the
    statement names no value of the field."""
    folded = collapse(fold(statement.lower()))
    field = q.meta_field
    value = _VALUE.match(answer)
    value = value.group(1) if value else ""
    if field == "Cơ quan ban hành":
        # the bodies said to issue it ("do Ban Bí thư ban hành", "Bộ Chính trị khóa XIII ra"), not those of
        # a document it cites ("Kết luận 21 của Ban Chấp hành Trung ương"); find_bodies' offsets are the
        # folded text's, which keeps the statement's length
        spans = fold(statement)
        claimed = [b.name for b in find_bodies(statement) if b.end and (
            _ISSUED_AFTER.match(spans[b.end:]) or re.search(r"\b(?:do|la (?:(?:van ban|ke hoach|kh) )?(?:cua|do))\s*$",
                                                            spans[:b.start]))]
        return verdict(claimed, [b.name for b in find_bodies(answer)])
    if field in ("Ngày ban hành", "Ngày có hiệu lực"):
        day = re.search(r"(\d{2})/(\d{2})/(\d{4})", answer)
        if day is None:
            return None
        claimed = claimed_dates(statement, _ISSUING if field == "Ngày ban hành" else _IN_FORCE)
        return date_verdict(claimed, tuple(int(x) for x in day.groups()))
    if field == "Nơi ký":  # "ban hành ở đâu, Hà Nội phải không?": the provinces and cities named
        claimed = [m.group(0) for m in re.finditer(rf"\b(?:{PLACE_NAMES})\b", folded)]
        return verdict(claimed, [answer.split(" (", 1)[0]])
    if field == "Số hiệu":
        squeeze = lambda n: re.sub(r"\s+", "", n)  # noqa: E731
        return verdict([squeeze(n) for n in _NUMBER.findall(folded)], [squeeze(fold(value.lower()))])
    if field == "Người ký":
        names = [n for m in (*_SIGNED_BY.finditer(folded), *_SIGNER_IS.finditer(folded),
                             *_SIGNED_BY_AFTER.finditer(folded))
                 for n in [_signer_named(m)] if n and not find_bodies(n)]
        # a person is called by the given name, or by the last two words of the full name ("ông Thưởng",
        # "đồng chí Văn Thưởng"): the signer's full name and each such ending of it are the same person
        words = value.split()
        return verdict(names, [" ".join(words[i:]) for i in range(len(words))])
    if field == "Loại văn bản":
        # the types the statement gives it, not the one it is named by ("Kế hoạch 03 là một chỉ thị")
        claimed = [m.group(0) for m in re.finditer(rf"\b(?:{_type_words()})\b(?!\s+(?:so\s+)?\d)(?!\s+(?:nay|do|ay)\b)", folded)]
        return verdict(claimed, [value])
    if field == "Căn cứ":
        from ...question import document_keys  # question.py reads the kinds: imported when used

        # the answer names the document implemented and, as its source, the plan itself ("… (03-KH/TW, …)"),
        # so the plan named in the statement ("Kế hoạch 03 thực hiện …") counts as neither right nor wrong
        # (the plan the answer quotes, named as the subject: "Kế hoạch 03 thực hiện …", is no claim)
        source = re.search(r"\(([^()]*)\)\W*$", answer)
        own = set(document_keys(source.group(1))) if source else set()
        claimed = [f"{t} {n}" for t, n in document_keys(statement) if (t, n) not in own]
        if claimed:
            return verdict(claimed, [f"{t} {n}" for t, n in document_keys(answer)])
        # a document named without its number ("Nghị quyết TW4 khóa XII"): its type against the one implemented
        said = re.search(rf"\b(?:thuc hien|trien khai|cu the hoa) (?:cai )?({_type_words()})\b", folded)
        given = re.search(rf"\b({_type_words()})\b", collapse(fold(answer.lower())))
        return None if said is None or given is None else verdict([said.group(1)], [given.group(1)])
    return None
