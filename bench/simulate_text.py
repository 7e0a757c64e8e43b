"""Writes a simulated bag-of-words data set as an svmlight file.

usage: simulate_text.py N P WORDS_PER_DOC FAMILY SEED OUT.svm

Each of the N documents draws about WORDS_PER_DOC word occurrences (Poisson) from a vocabulary
of P words with Zipf frequencies (exponent 1.1): a few words are in most documents, most words in
a handful. Values are the word counts. The response comes from 20 words of middling frequency
(ranks 50 to 1000): gaussian, their counts' weighted sum plus noise (signal-to-noise 3);
binomial, a label drawn from the logistic of that sum, centred. Standard library only.
"""
import bisect
import itertools
import math
import random
import sys


def main():
    n, p, per_doc = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    family, seed, out = sys.argv[4], int(sys.argv[5]), sys.argv[6]
    rng = random.Random(seed)
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(p)]
    cumulative = list(itertools.accumulate(weights))
    total = cumulative[-1]
    informative = rng.sample(range(50, min(p, 1000)), 20)
    effect = {j: (1 if t % 2 == 0 else -1) * (0.5 + rng.random()) for t, j in enumerate(informative)}
    docs, signal = [], []
    for _ in range(n):
        length = max(1, poisson(rng, per_doc))
        counts = {}
        for _ in range(length):
            j = bisect.bisect_left(cumulative, rng.random() * total)
            counts[j] = counts.get(j, 0) + 1
        docs.append(counts)
        signal.append(sum(effect.get(j, 0.0) * c for j, c in counts.items()))
    mean = sum(signal) / n
    sd = math.sqrt(sum((s - mean) ** 2 for s in signal) / n) or 1.0
    with open(out, "w") as f:
        for counts, s in zip(docs, signal):
            z = (s - mean) / sd
            if family == "gaussian":
                label = "%.6f" % (z + rng.gauss(0, 1 / math.sqrt(3)))
            else:
                label = "1" if rng.random() < 1 / (1 + math.exp(-2 * z)) else "-1"
            items = " ".join("%d:%d" % (j + 1, counts[j]) for j in sorted(counts))
            f.write(label + " " + items + "\n")


def poisson(rng, mean):
    # Normal approximation: document lengths need only be about right.
    return int(round(rng.gauss(mean, math.sqrt(mean))))


if __name__ == "__main__":
    main()
