#!/usr/bin/env python3
"""Every alias and cue word of a rules directory, one per line (lowercased, deduplicated).

Cue words are the literal words of the templates (slots, gaps and punctuation left out),
less the function words in GLUE ("the", "of", "is", ...), which no template is found by and
which would make ripgrep count every "the" of the corpus; aliases are every lexicon alias.
Used by bench/bench.py for ripgrep's every-match baseline and spaCy's PhraseMatcher, so both
search for the same phrases.
"""
import pathlib
import re
import sys
import tomllib

rules = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "rules")
GLUE = {
    "a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "and", "or", "as", "is", "are",
    "was", "were", "be", "been", "it", "its", "that", "this", "with", "from", "than", "s",
}
words = set()
for path in sorted(rules.glob("*.toml")):
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError:
        continue
    for lexicon in data.get("lexicon", {}).values():
        for aliases in lexicon.get("entries", {}).values():
            words.update(alias.strip() for alias in aliases if alias.strip())
    for rule in data.get("rule", []):
        for template in rule.get("patterns", []):
            template = re.sub(r"\{[^}]*\}|\.\.\d+", " ", template)
            for word in re.findall(r"[A-Za-z][A-Za-z'\-]*", template):
                words.add(word)
for word in sorted({word.lower() for word in words} - GLUE, key=lambda w: (-len(w), w)):
    print(word)
