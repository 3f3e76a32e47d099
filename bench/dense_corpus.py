#!/usr/bin/env python3
"""A claim-dense corpus: articles where most paragraphs state a figure the bundled rules read.

Usage: dense_corpus.py OUT_DIR MEGABYTES [--files N]

Writes N Markdown articles (default 200) totalling about MEGABYTES megabytes (decimal) into
OUT_DIR, deterministically (a fixed seed), and prints the number of bytes written. The sentences
are the project's own, shaped like the wire and trade-press copy on critical minerals: a
country holding a figure of reserves, a share of processing or mining, a rank among producers,
an order between two countries, attributed ("according to the survey", "said") or hedged
("could", "is believed to") about half the time, with a non-claim sentence between some of them
so that paragraphs and sentences vary in length as they do in real articles.
"""
import os
import random
import sys

COUNTRIES = [
    "Russia", "China", "Ukraine", "the United States", "Australia", "Brazil", "India", "Vietnam",
    "Canada", "Chile", "Argentina", "Bolivia", "Indonesia", "South Africa", "Kazakhstan",
    "Myanmar", "Madagascar", "Greenland", "Tanzania", "Malawi", "Peru", "Mexico", "Mongolia",
]
MINERALS = ["rare earth", "rare-earth", "lithium", "cobalt", "graphite", "nickel", "copper"]
SOURCES = ["the US Geological Survey", "the ministry", "analysts", "the agency", "a trade group"]
YEARS = list(range(2019, 2026))
FILLER = [
    "Officials gave no timetable for the first shipments.",
    "The figures were published in the annual mineral commodity summary.",
    "Exploration licences in the north were awarded last spring.",
    "Investors have been cautious since the price slump of the previous decade.",
    "The company declined to comment on the estimate.",
    "Separation plants take years to permit and build.",
    "Several deposits lie in remote areas with no rail link.",
]


def tonnes(rng):
    figure = rng.choice([rng.randint(1, 90) / 10, rng.randint(1, 44), rng.randint(100, 950)])
    unit = "million tonnes" if figure < 100 else "thousand tonnes"
    return f"{figure:g} {unit}"


def claim_sentence(rng):
    country, other = rng.sample(COUNTRIES, 2)
    mineral = rng.choice(MINERALS)
    year = rng.choice(YEARS)
    percent = rng.randint(3, 95)
    shape = rng.randrange(9)
    if shape == 0:
        text = f"{country} holds {tonnes(rng)} of {mineral} reserves"
    elif shape == 1:
        text = f"{country}'s {mineral} reserves are estimated at {tonnes(rng)}"
    elif shape == 2:
        text = f"As of {year}, {mineral} reserves in {country} amount to about {tonnes(rng)}"
    elif shape == 3:
        text = f"{country} accounts for roughly {percent}% of global {mineral} processing"
    elif shape == 4:
        text = f"{country} holds about {percent}% of the world's {mineral} reserves"
    elif shape == 5:
        rank = rng.choice(["the largest", "the second-largest", "the third-largest", "a leading"])
        text = f"{country} is {rank} {mineral} producer"
    elif shape == 6:
        text = f"{country}'s reserves of {mineral} exceed those of {other}"
    elif shape == 7:
        text = f"{country} could hold {mineral} reserves of up to {tonnes(rng)}"
    else:
        text = f"{country} produces {percent}% of the world's mined {mineral}"
    if rng.random() < 0.3:
        lead = text[0].lower() + text[1:] if text.startswith("As of") else text
        text = f"According to {rng.choice(SOURCES)}, {lead}"
    elif rng.random() < 0.25:
        text += f", {rng.choice(SOURCES)} said"
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    sentences = []
    for _ in range(rng.randint(1, 4)):
        sentences.append(claim_sentence(rng) if rng.random() < 0.8 else rng.choice(FILLER))
    return " ".join(sentences)


def article(rng, index, size):
    country = rng.choice(COUNTRIES)
    lines = [
        "---",
        f'title: "Minerals brief {index}: {country} and the race for supply"',
        f'outlet: "Bench Wire {index % 7}"',
        f"date: {rng.choice(YEARS)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "---",
        "",
    ]
    body = "\n".join(lines)
    while len(body.encode("utf-8")) < size:
        body += "\n" + paragraph(rng) + "\n"
    return body


def main():
    out_dir, megabytes = sys.argv[1], float(sys.argv[2])
    files = int(sys.argv[sys.argv.index("--files") + 1]) if "--files" in sys.argv else 200
    rng = random.Random(18)
    os.makedirs(out_dir, exist_ok=True)
    per_file = int(megabytes * 1_000_000 / files)
    total = 0
    for index in range(files):
        data = article(rng, index, per_file).encode("utf-8")
        with open(os.path.join(out_dir, f"article-{index:05d}.md"), "wb") as handle:
            handle.write(data)
        total += len(data)
    print(total)


if __name__ == "__main__":
    main()
