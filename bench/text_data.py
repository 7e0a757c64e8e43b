"""Writes a seeded Reuters-like text classification set as two ARFF files (no network here).

usage: text_data.py OUTDIR [SEED] [TRAIN] [TEST] [VOCABULARY] [WORDS_PER_DOC]
       (defaults 1 1500 600 20000 100) writes OUTDIR/train.arff, OUTDIR/test.arff and
       OUTDIR/signal.txt

Standard library only. Each document is one string attribute `text` and a binary class
`topic` {other,earn} (last, about 35 % earn, as Reuters' largest topic against the rest). Its
length is about WORDS_PER_DOC (uniform within +-40 %). Background words follow Zipf's law over
the vocabulary (the word of frequency rank r drawn with probability proportional to 1/r), so a
few words are in every document and most are rare, as in news text; the words are named w1, w2,
... by rank. The class signal is in 40 words of middling frequency (ranks 300 to 339): each token
is, with probability 0.05, one of them, drawn from the document's own class's 20 with probability
0.9. signal.txt lists them, one per line, the first 20 the earn class's.
"""
import itertools
import os
import random
import sys


def main():
    outdir = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    train = int(sys.argv[3]) if len(sys.argv) > 3 else 1500
    test = int(sys.argv[4]) if len(sys.argv) > 4 else 600
    vocabulary = int(sys.argv[5]) if len(sys.argv) > 5 else 20000
    length = int(sys.argv[6]) if len(sys.argv) > 6 else 100
    if vocabulary < 340:
        sys.exit("the vocabulary must hold the 40 signal words at ranks 300 to 339 (>= 340)")
    os.makedirs(outdir, exist_ok=True)
    words = [f"w{r}" for r in range(1, vocabulary + 1)]
    # Cumulative weights: random.choices then draws each token by bisection.
    zipf = list(itertools.accumulate(1.0 / r for r in range(1, vocabulary + 1)))
    signal = {"earn": words[299:319], "other": words[319:339]}
    with open(os.path.join(outdir, "signal.txt"), "w") as f:
        f.write("\n".join(signal["earn"] + signal["other"]) + "\n")
    # Separate streams, so that the test set does not change with the training set's size.
    for name, n, stream in (("train", train, seed), ("test", test, seed + 1_000_003)):
        rng = random.Random(stream)
        with open(os.path.join(outdir, f"{name}.arff"), "w") as f:
            f.write("@relation reuters-like\n\n@attribute text string\n")
            f.write("@attribute topic {other,earn}\n\n@data\n")
            for _ in range(n):
                topic = "earn" if rng.random() < 0.35 else "other"
                size = max(1, round(length * rng.uniform(0.6, 1.4)))
                tokens = rng.choices(words, cum_weights=zipf, k=size)
                for t in range(size):
                    if rng.random() < 0.05:
                        own = rng.random() < 0.9
                        side = topic if own else ("other" if topic == "earn" else "earn")
                        tokens[t] = rng.choice(signal[side])
                f.write("'" + " ".join(tokens) + "'," + topic + "\n")


if __name__ == "__main__":
    main()
