#!/usr/bin/env python3
"""spaCy baseline: blank English tokenizer + PhraseMatcher (LOWER) over the same phrases.

Usage: spacy_match.py WORDS_FILE SLICE_MB DIR...  Reads files under DIR in sorted order until
SLICE_MB megabytes (0: every file, as bench.py runs it, so spaCy reads the bytes the other tools
read), matches them with nlp.pipe, and prints "bytes seconds matches"; the
seconds cover reading, decoding, tokenizing and matching (not start-up).
No model download: spacy.blank("en").
"""
import os
import sys
import time

import spacy
from spacy.matcher import PhraseMatcher

words_file, slice_mb, *dirs = sys.argv[1:]
limit = float(slice_mb) * 1_000_000 or float("inf")
nlp = spacy.blank("en")
nlp.max_length = 10**9
matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
with open(words_file, encoding="utf-8") as handle:
    phrases = [line.strip() for line in handle if line.strip()]
matcher.add("CUES", [nlp.make_doc(phrase) for phrase in phrases])
# Timed like crosscheck's run: reading and decoding the files, tokenizing (nlp.pipe runs the
# blank pipeline's tokenizer, nlp.make_doc) and matching. Start-up and set-up are left out.
started = time.perf_counter()
texts, total = [], 0
for root in dirs:
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(name for name in files if not name.startswith(".")):
            if total >= limit:
                break
            with open(os.path.join(directory, name), "rb") as handle:
                data = handle.read()
            total += len(data)
            texts.append(data.decode("utf-8", errors="replace"))
found = 0
for doc in nlp.pipe(texts, batch_size=256):
    found += len(matcher(doc))
elapsed = time.perf_counter() - started
print(f"{total} {elapsed:.3f} {found}")
