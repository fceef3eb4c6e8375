#!/usr/bin/env python3
"""Turns the real Vietnamese news corpus into a Gazette site and the Hugo comparison site.

    python3 bench/convert_real.py --articles N --out DIR [--hugo DIR2] [--hugo-theme bench/hugo-theme]
                                  [--corpus ../shared/corpus/vn-news-25k.jsonl.xz]

Reads ``vn-news-25k.jsonl.xz`` (25,440 articles from a 2017 baomoi.com crawl: id, title,
lead_and_body, crawl_date; see ../shared/corpus/README.md) and writes the same layout as
bench/GenerateCorpus.java: ``DIR/site.yml`` + ``DIR/content/<yyyy>/<slug>.md`` for Gazette and
``DIR2/content/posts/<slug>.md`` + ``hugo.toml`` + ``no-related.toml`` + the theme for Hugo.

Python 3 standard library only (lzma, json, hashlib, unicodedata). Deterministic: the output
depends only on the corpus file and N (no clock, no randomness, no dict-order surprises).

What the corpus lacks and how it is supplied (bench/README.md says the same):

* **Date**: the crawl day, with a time of day from a hash of the article id, spread over
  06:00-22:59 Asia/Ho_Chi_Minh (``+07:00``).
* **Author**: one of 80 Vietnamese names (8 family names x 10 given names), by hash of the id.
* **Category**: one of 10, the one whose keywords occur most often in the title and the lead
  (first paragraph), titles counting triple; ``Xã hội`` when none occurs.
* **Tags**: the ~1,000 most frequent proper-noun phrases of the whole corpus (runs of 2-4
  capitalised syllables not at a sentence start: "Hà Nội", "Sun World Ba Na Hills"), at most one
  spelling per slug; an article gets up to 5 of them, those it mentions most (ties: rarer phrase
  first, then alphabetical).
* **Body**: the paragraphs as Markdown paragraphs, with Markdown's special characters escaped so
  the text stays text.

Beyond 25,440 articles the text is reused (real text, more of it): article i of the corpus appears
again as copy k = 1, 2, 3, ... (copy k of article i is output number k * 25,440 + i), dated k years
earlier, its title followed by " (kỳ k+1)" (so a different slug), and its paragraphs rotated by k
so the body's first paragraph - the summary - differs. Tags, category and author stay those of
the original.
"""

import argparse
import collections
import hashlib
import json
import lzma
import os
import re
import shutil
import sys
import unicodedata

CORPUS_SIZE = 25_440
CORPUS_NAME = os.path.join("shared", "corpus", "vn-news-25k.jsonl.xz")


def default_corpus():
    """../shared/corpus/ beside the repository (main checkout) or beside its worktree directory."""
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    candidates = [os.path.join(repository, "..", CORPUS_NAME), os.path.join(repository, "..", "..", CORPUS_NAME)]
    return next((os.path.normpath(c) for c in candidates if os.path.isfile(c)), os.path.normpath(candidates[0]))
SITE_TITLE = "Tin tức Việt Nam"
TAG_VOCABULARY = 1000
TAGS_PER_ARTICLE = 5

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
GIVEN = ["Văn Hùng", "Thị Lan", "Minh Tuấn", "Thu Hà", "Quang Huy", "Ngọc Anh", "Đức Thắng", "Thanh Hương",
         "Hải Nam", "Phương Thảo"]
AUTHORS = [f + " " + g for f in FAMILY for g in GIVEN]

# Category -> keywords (lower case, matched as whole syllable sequences in title and lead).
CATEGORIES = [
    ("Thể thao", ["bóng đá", "cầu thủ", "hlv", "đội tuyển", "trận", "giải đấu", "sea games", "v-league", "tennis",
                  "vô địch", "bàn thắng", "sân cỏ", "câu lạc bộ", "clb"]),
    ("Kinh tế", ["kinh tế", "doanh nghiệp", "ngân hàng", "tỷ đồng", "giá", "thị trường", "xuất khẩu", "đầu tư",
                 "chứng khoán", "lãi suất", "cổ phiếu", "tăng trưởng"]),
    ("Pháp luật", ["công an", "bắt giữ", "tòa án", "xét xử", "bị cáo", "khởi tố", "vụ án", "truy nã", "lừa đảo",
                   "tạm giam", "điều tra"]),
    ("Giáo dục", ["học sinh", "sinh viên", "trường", "giáo viên", "thi thpt", "tuyển sinh", "đại học", "giáo dục",
                  "kỳ thi"]),
    ("Sức khỏe", ["bệnh viện", "bác sĩ", "bệnh nhân", "sức khỏe", "điều trị", "y tế", "thuốc", "ung thư",
                  "dịch bệnh"]),
    ("Giải trí", ["ca sĩ", "diễn viên", "phim", "âm nhạc", "showbiz", "hoa hậu", "khán giả", "sân khấu",
                  "nghệ sĩ", "mv"]),
    ("Công nghệ", ["công nghệ", "điện thoại", "smartphone", "iphone", "samsung", "internet", "ứng dụng",
                   "facebook", "google", "phần mềm"]),
    ("Thế giới", ["mỹ", "trung quốc", "triều tiên", "nga", "tổng thống", "quốc tế", "thế giới", "nhật bản",
                  "châu âu", "hàn quốc"]),
    ("Du lịch", ["du lịch", "du khách", "khách sạn", "lễ hội", "tour", "điểm đến"]),
    ("Xã hội", ["người dân", "giao thông", "tai nạn", "thành phố", "xã", "chính quyền", "thời tiết"]),
]
DEFAULT_CATEGORY = "Xã hội"

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


# ---------------------------------------------------------------- slugs (same rules as Gazette's Slugs)

def slugify(text):
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text))
    folded = "".join("d" if c == "đ" else "D" if c == "Đ" else c
                     for c in decomposed if unicodedata.category(c) != "Mn")
    lower = folded.lower()
    out, pending = [], False
    for c in lower:
        if ("a" <= c <= "z") or ("0" <= c <= "9"):
            if pending and out:
                out.append("-")
            pending = False
            out.append(c)
        else:
            pending = True
    slug = "".join(out)
    if len(slug) > 120:
        cut = slug.rfind("-", 0, 121)
        slug = slug[:cut if cut > 0 else 120]
    return slug


def slug_for_title(title):
    full = slugify(title)
    if len(full) <= 60:
        return full
    clauses = re.split(r"\s+[–—|:-]\s+|:\s+", unicodedata.normalize("NFC", title), maxsplit=1)
    if len(clauses) == 2:
        first = slugify(clauses[0])
        if 16 <= len(first) <= 60:
            return first
    cut = full.rfind("-", 0, 61)
    return full[:cut] if cut > 0 else full[:60]


# ---------------------------------------------------------------- derived metadata

def stable_hash(text):
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def time_of_day(article_id):
    minutes = 6 * 60 + stable_hash("time:" + article_id) % (17 * 60)
    return minutes // 60, minutes % 60


def author_of(article_id):
    return AUTHORS[stable_hash("author:" + article_id) % len(AUTHORS)]


def category_of(title, lead):
    words_title = " " + " ".join(w.lower() for w in WORD.findall(title)) + " "
    words_lead = " " + " ".join(w.lower() for w in WORD.findall(lead)) + " "
    best, best_score = DEFAULT_CATEGORY, 0
    for name, keywords in CATEGORIES:
        score = sum(3 * words_title.count(" " + k + " ") + words_lead.count(" " + k + " ") for k in keywords)
        if score > best_score:
            best, best_score = name, score
    return best


def is_capitalised(word):
    return word[0].isupper()


def proper_phrases(text):
    """Runs of 2-4 capitalised syllables, leaving out a capital that only starts a sentence."""
    phrases = []
    for sentence in re.split(r"(?<=[.!?…:;\"“”])\s+|\n+", text):
        words = WORD.findall(sentence)
        run = []
        for position, word in enumerate(words + [""]):
            if word and is_capitalised(word) and position > 0:
                run.append(word)
                continue
            if 2 <= len(run) <= 4:
                phrases.append(" ".join(run))
            run = []
    return phrases


def tag_vocabulary(articles):
    document_frequency = collections.Counter()
    for article in articles:
        document_frequency.update(set(proper_phrases(article["title"] + "\n" + article["lead_and_body"])))
    by_slug = {}
    # Most frequent first, then alphabetical: one spelling per slug, the commonest.
    for phrase, count in sorted(document_frequency.items(), key=lambda e: (-e[1], e[0])):
        slug = slugify(phrase)
        if count < 5 or not slug or slug in by_slug:
            continue
        by_slug[slug] = phrase
        if len(by_slug) == TAG_VOCABULARY:
            break
    return {phrase: document_frequency[phrase] for phrase in by_slug.values()}


def tags_of(article, vocabulary):
    counts = collections.Counter(p for p in proper_phrases(article["title"] + "\n" + article["lead_and_body"])
                                 if p in vocabulary)
    ranked = sorted(counts.items(), key=lambda e: (-e[1], vocabulary[e[0]], e[0]))
    return [phrase for phrase, _ in ranked[:TAGS_PER_ARTICLE]]


# ---------------------------------------------------------------- Markdown

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
LINE_START_SPECIAL = re.compile(r"^(\s*)([-+=]|\d+[.)])(\s)")


def markdown_paragraph(text):
    text = " ".join(text.split())
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return LINE_START_SPECIAL.sub(r"\1\\\2\3", text)


def paragraphs_of(body):
    return [p for p in (p.strip() for p in body.split("\n\n")) if p]


def quoted(value):
    value = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " else " " for c in value) + '"'


# ---------------------------------------------------------------- output

def site_yaml():
    return ("# Real-text benchmark corpus written by bench/convert_real.py\n"
            f"title: {quoted(SITE_TITLE)}\n"
            'baseUrl: "http://127.0.0.1:1313/"\n'
            "language: vi\n"
            "timeZone: Asia/Ho_Chi_Minh\n"
            'permalink: "/:year/:month/:slug/"\n'
            "pageSize: 10\n")


def hugo_toml():
    return f"""# Real-text benchmark corpus written by bench/convert_real.py (same settings as GenerateCorpus.java)
baseURL = "http://127.0.0.1:1313/"
languageCode = "vi"
defaultContentLanguage = "vi"
title = {quoted(SITE_TITLE)}
timeZone = "Asia/Ho_Chi_Minh"
theme = "gazette-bench"
buildFuture = true
disableKinds = ["section"]
removePathAccents = true
paginate = 10
rssLimit = 20

[pagination]
  pagerSize = 10

[services.rss]
  limit = 20

[permalinks]
  posts = "/:year/:month/:filename/"
  tags = "/tags/:slug/"
  categories = "/categories/:slug/"
  years = "/:slug/"

[taxonomies]
  tag = "tags"
  category = "categories"
  year = "years"
  month = "months"

[outputs]
  home = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML", "RSS"]

# Feeds only for tags, like Gazette: no RSS for category, year and month pages.
[[cascade]]
  outputs = ["HTML"]
  [cascade._target]
    kind = "term"
    path = "/categories/**"
[[cascade]]
  outputs = ["HTML"]
  [cascade._target]
    kind = "term"
    path = "/years/**"
[[cascade]]
  outputs = ["HTML"]
  [cascade._target]
    kind = "term"
    path = "/months/**"

# Five related articles on each article page, like Gazette's relatedCount default (the real-text
# benchmark builds with no-related.toml, as the issue's comparison does).
[related]
  includeNewer = true
  threshold = 80
  toLower = false
  [[related.indices]]
    name = "tags"
    weight = 100
    cardinalityThreshold = 10

[markup.goldmark.parser]
  autoHeadingIDType = "github-ascii"

[params]
  description = {quoted("Tin tức tổng hợp từ báo chí Việt Nam")}
  related = true
"""


def front_matter(title, slug, date, author, category, tags, hugo):
    lines = ["---", "title: " + quoted(title)]
    if not hugo and slug != slug_for_title(title):
        lines.append("slug: " + quoted(slug))
    lines.append("date: " + date)
    lines.append("author: " + quoted(author))
    if hugo:
        lines += ["categories:", "  - " + quoted(category), "years:", "  - " + quoted(date[:4]),
                  "months:", "  - " + quoted(date[:7])]
    else:
        lines.append("category: " + quoted(category))
    if tags:
        lines.append("tags:")
        lines += ["  - " + quoted(tag) for tag in tags]
    else:
        lines.append("tags: []")
    return "\n".join(lines) + "\n---\n\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def refuse_non_empty(directory):
    if os.path.isdir(directory) and os.listdir(directory):
        sys.exit(f"{directory} is not empty; remove it first")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out")
    parser.add_argument("--hugo")
    parser.add_argument("--hugo-theme", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                             "hugo-theme"))
    parser.add_argument("--corpus", default=os.environ.get("BENCH_REAL_CORPUS") or default_corpus())
    args = parser.parse_args()
    if args.articles < 1 or not (args.out or args.hugo):
        parser.error("need --articles N >= 1 and --out DIR and/or --hugo DIR")
    for directory in (args.out, args.hugo):
        if directory:
            refuse_non_empty(directory)

    with lzma.open(args.corpus, "rt", encoding="utf-8") as f:
        corpus = [json.loads(line) for line in f]
    if len(corpus) != CORPUS_SIZE:
        print(f"note: the corpus has {len(corpus)} articles, not {CORPUS_SIZE}", file=sys.stderr)
    # Tags come from the whole corpus whatever N is, so the first 10,000 carry the same tags as
    # they do inside the full 25,440.
    vocabulary = tag_vocabulary(corpus)

    used_slugs = set()
    words = 0
    for number in range(args.articles):
        copy, index = divmod(number, len(corpus))
        source = corpus[index]
        paragraphs = paragraphs_of(source["lead_and_body"])
        lead = paragraphs[0] if paragraphs else ""
        title = " ".join(source["title"].split())
        tags = tags_of(source, vocabulary)
        category = category_of(title, lead)
        author = author_of(source["id"])
        year, month, day = (int(part) for part in source["crawl_date"].split("-"))
        if copy:
            title += f" (kỳ {copy + 1})"
            year -= copy
            k = copy % len(paragraphs) if paragraphs else 0
            paragraphs = paragraphs[k:] + paragraphs[:k]
            if month == 2 and day == 29:
                day = 28
        hour, minute = time_of_day(source["id"] + (f"#{copy}" if copy else ""))
        date = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00+07:00"
        slug = slug_for_title(title) or "bai-" + source["id"]
        if slug in used_slugs:
            slug = slugify(slug + "-" + source["id"] + (f"-{copy}" if copy else ""))
        used_slugs.add(slug)
        body = "\n\n".join(markdown_paragraph(p) for p in paragraphs) + "\n"
        words += len(body.split())
        if args.out:
            write(os.path.join(args.out, "content", f"{year:04d}", slug + ".md"),
                  front_matter(title, slug, date, author, category, tags, hugo=False) + body)
        if args.hugo:
            write(os.path.join(args.hugo, "content", "posts", slug + ".md"),
                  front_matter(title, slug, date, author, category, tags, hugo=True) + body)
    if args.out:
        write(os.path.join(args.out, "site.yml"), site_yaml())
    if args.hugo:
        write(os.path.join(args.hugo, "hugo.toml"), hugo_toml())
        # `hugo --config hugo.toml,no-related.toml` builds the site without related articles.
        write(os.path.join(args.hugo, "no-related.toml"), "[params]\n  related = false\n")
        shutil.copytree(args.hugo_theme, os.path.join(args.hugo, "themes", "gazette-bench"), dirs_exist_ok=True)
    print(f"{args.articles} real-text articles ({len(corpus)} in the corpus), {words} words "
          f"(mean {words // args.articles}), {len(vocabulary)} tag names")


if __name__ == "__main__":
    main()
