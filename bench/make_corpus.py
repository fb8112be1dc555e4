#!/usr/bin/env python3
"""A small corpus generator of figcheck's own, for benchmarks when the
shared generator is not at hand: dated articles with figures of every
metric of the default pack, as JSON Lines or one .txt file per article.

  make_corpus.py --out DIR --articles N [--format jsonl|txt] [--per-file N] [--seed S]
"""
import argparse, datetime as dt, json, os, random

OUTLETS = ["Lakeside Gazette", "The Morning Ledger", "Coastline Radio", "Valley Wire"]
SENTENCES = [
    "Health officials in Gaza said {n} people had been killed since the war began.",
    "More than {n} people have been wounded in the territory, the ministry said.",
    "Israel says {s} hostages are still being held in Gaza.",
    "On {wd}, {s} trucks of aid crossed into the Strip, according to the UN.",
    "About {n} people have fled their homes in Gaza, aid agencies said.",
    "Mediators discussed a {d}-day pause and the release of {s} hostages.",
    "The envoy met two officials for three hours on {wd}.",
    "Prices in the market rose by 40% in 2024, traders said.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rng):
    day = dt.date(2023, 10, 15) + dt.timedelta(days=rng.randint(0, 700))
    body = " ".join(
        rng.choice(SENTENCES).format(n="{:,}".format(rng.randint(1000, 60000)), s=rng.randint(20, 300),
                                     d=rng.randint(2, 60), wd=rng.choice(WEEKDAYS))
        for _ in range(rng.randint(4, 9)))
    return day.isoformat(), rng.choice(OUTLETS), body


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    ap.add_argument("--per-file", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    fh = None
    for i in range(args.articles):
        date, outlet, body = article(rng)
        if args.format == "txt":
            with open(os.path.join(args.out, "%06d.txt" % i), "w", encoding="utf-8") as f:
                f.write(" date %s (%s) \u2014 %s\n" % (date, outlet, body))
            continue
        if i % args.per_file == 0:
            if fh:
                fh.close()
            fh = open(os.path.join(args.out, "articles-%04d.jsonl" % (i // args.per_file)), "w", encoding="utf-8")
        fh.write(json.dumps({"id": "a%06d" % i, "date": date, "outlet": outlet, "text": body}) + "\n")
    if fh:
        fh.close()


if __name__ == "__main__":
    main()
