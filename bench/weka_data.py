"""Writes seeded look-alikes of four classic Weka data sets as ARFF files (no network here).

usage: weka_data.py OUTDIR [SEED]      writes segment.arff soybean.arff german_credit.arff glass.arff

Standard library only. The sizes, attribute kinds, class balance and rough difficulty follow the
originals (the 'Logistic ~' figures below: Weka's Logistic, 10-fold CV); the values are
synthetic. Each data set has its own random stream, so changing one generator leaves the others'
files unchanged.
"""
import os
import random
import sys


def write_arff(path, relation, attributes, rows):
    """attributes: (name, None) for numeric, (name, [values]) for nominal. None in a row is '?'."""
    def cell(v):
        if v is None:
            return "?"
        if isinstance(v, float):
            return f"{v:.6g}"
        return str(v)

    with open(path, "w") as f:
        f.write(f"@relation {relation}\n\n")
        for name, values in attributes:
            kind = "numeric" if values is None else "{" + ",".join(values) + "}"
            f.write(f"@attribute {name} {kind}\n")
        f.write("\n@data\n")
        for row in rows:
            f.write(",".join(cell(v) for v in row) + "\n")


def segment(rng):
    """2310 x 19 numeric, 7 equal classes of 330, well separated (Logistic ~95 %).

    Like the original: one constant attribute (region-pixel-count is always 9) and the colour
    means are exact linear combinations of each other (intensity = mean of red, green, blue).
    """
    classes = ["brickface", "sky", "foliage", "cement", "window", "path", "grass"]
    free = 14  # independent latent attributes; the rest are derived as in the original
    centres = [[rng.gauss(0, 1.2) for _ in range(free)] for _ in classes]
    rows = []
    for c, name in enumerate(classes):
        for _ in range(330):
            z = [centres[c][j] + rng.gauss(0, 1) for j in range(free)]
            red, green, blue = 20 + 8 * z[0], 20 + 8 * z[1], 20 + 8 * z[2]
            intensity = (red + green + blue) / 3
            rows.append(
                [rng.uniform(1, 254), rng.uniform(11, 251), 9.0]  # centroid col/row, pixel count
                + [round(10 * x, 4) for x in z[3:free]]
                + [intensity, red, green, blue, 2 * red - green - blue, name])
    rng.shuffle(rows)
    attrs = [("region-centroid-col", None), ("region-centroid-row", None),
             ("region-pixel-count", None)]
    attrs += [(f"feature-{j}", None) for j in range(3, free)]
    attrs += [(a, None) for a in ("intensity-mean", "rawred-mean", "rawgreen-mean",
                                  "rawblue-mean", "exred-mean")]
    attrs.append(("class", classes))
    return "segment", attrs, rows


def soybean(rng):
    """683 rows, 35 nominal attributes (2-7 values), 19 classes of the original sizes, '?' cells.

    Like the original, most attributes have 2-4 values and a dominant 'normal' value; a class is
    told by a few symptoms (signature attributes at an abnormal value), and classes in the same
    group share most of theirs (the original's leaf-spot diseases are confused this way). Missing
    cells gather in a few small classes, where whole attribute groups are unrecorded. Logistic
    ~90 %.
    """
    sizes = [92, 91, 91, 88, 44, 44, 20, 20, 20, 20, 20, 20, 20, 20, 20, 16, 15, 14, 8]
    classes = [f"disease-{k + 1}" for k in range(len(sizes))]
    # The original's attributes and their numbers of values.
    spec = [("date", 7), ("plant-stand", 2), ("precip", 3), ("temp", 3), ("hail", 2),
            ("crop-hist", 4), ("area-damaged", 4), ("severity", 3), ("seed-tmt", 3),
            ("germination", 3), ("plant-growth", 2), ("leaves", 2), ("leafspots-halo", 3),
            ("leafspots-marg", 3), ("leafspot-size", 3), ("leaf-shread", 2), ("leaf-malf", 2),
            ("leaf-mild", 3), ("stem", 2), ("lodging", 2), ("stem-cankers", 4),
            ("canker-lesion", 4), ("fruiting-bodies", 2), ("external-decay", 3), ("mycelium", 2),
            ("int-discolor", 3), ("sclerotia", 2), ("fruit-pods", 4), ("fruit-spots", 5),
            ("seed", 2), ("mold-growth", 2), ("seed-discolor", 2), ("seed-size", 2),
            ("shriveling", 2), ("roots", 3)]
    nvals = [k for _, k in spec]
    # Background: value 0 is 'normal'; abnormal values are rare outside a class's symptoms.
    background = [[1.0] + [0.08] * (v - 1) for v in nvals]

    def symptoms(k):
        return {a: rng.randrange(1, nvals[a]) for a in rng.sample(range(35), k)}

    groups = [symptoms(3) for _ in range(7)]
    signatures = [{**groups[c % 7], **symptoms(3)} for c in range(len(sizes))]
    gappy = set(rng.sample(range(6, 19), 4))  # small classes with many missing cells
    rows = []
    for c, size in enumerate(sizes):
        for _ in range(size):
            row = []
            for a in range(35):
                if a in signatures[c] and rng.random() < 0.9:
                    v = signatures[c][a]
                else:
                    v = rng.choices(range(nvals[a]), weights=background[a])[0]
                missing = rng.random() < (0.35 if c in gappy and a >= 12 else 0.01)
                row.append(None if missing else f"v{v}")
            rows.append(row + [classes[c]])
    rng.shuffle(rows)
    attrs = [(name, [f"v{v}" for v in range(k)]) for name, k in spec]
    return "soybean", attrs + [("class", classes)], rows


def german_credit(rng):
    """1000 rows, 13 nominal and 7 numeric attributes in the original order, good/bad 700/300.

    A latent risk score mixes a few attributes plus noise; the 300 riskiest are 'bad', so the
    balance is exact and the signal modest (Logistic ~75 %).
    """
    spec = [  # name, number of nominal values (0 = numeric)
        ("checking_status", 4), ("duration", 0), ("credit_history", 5), ("purpose", 10),
        ("credit_amount", 0), ("savings_status", 5), ("employment", 5),
        ("installment_commitment", 0), ("personal_status", 4), ("other_parties", 3),
        ("residence_since", 0), ("property_magnitude", 4), ("age", 0),
        ("other_payment_plans", 3), ("housing", 3), ("existing_credits", 0), ("job", 4),
        ("num_dependents", 0), ("own_telephone", 2), ("foreign_worker", 2)]
    # Risk of each nominal value: strong for checking/history/savings, weak or none for the rest.
    strength = {"checking_status": 1.0, "credit_history": 0.6, "savings_status": 0.5,
                "purpose": 0.4, "employment": 0.3, "other_payment_plans": 0.3, "housing": 0.2}
    risk = {n: [rng.gauss(0, strength.get(n, 0.05)) for _ in range(k)] for n, k in spec if k}
    scored = []
    for _ in range(1000):
        duration = round(max(4.0, rng.lognormvariate(2.9, 0.5)))
        amount = round(max(250.0, 150 * duration * rng.lognormvariate(0, 0.5)))
        numeric = {"duration": duration, "credit_amount": amount,
                   "installment_commitment": rng.randint(1, 4), "residence_since": rng.randint(1, 4),
                   "age": rng.randint(19, 75), "existing_credits": rng.choice([1, 1, 1, 2, 2, 3]),
                   "num_dependents": rng.choice([1] * 5 + [2])}
        row, score = [], rng.gauss(0, 1.5)
        for i, (name, k) in enumerate(spec):
            if k:
                v = rng.randrange(k)
                row.append(f"A{i + 1}{v + 1}")  # value codes as in the UCI original: A11, A12, ...
                score += risk[name][v]
            else:
                row.append(numeric[name])
        score += 0.03 * (duration - 20) - 0.01 * (numeric["age"] - 35)
        scored.append((score, row))
    scored.sort(key=lambda t: t[0])
    rows = [row + ["good" if i < 700 else "bad"] for i, (_, row) in enumerate(scored)]
    rng.shuffle(rows)
    attrs = [(n, [f"A{i + 1}{v + 1}" for v in range(k)] if k else None)
             for i, (n, k) in enumerate(spec)]
    return "german_credit", attrs + [("class", ["good", "bad"])], rows


def glass(rng):
    """214 x 9 numeric oxide contents, 6 classes of the original sizes 70/76/17/13/9/29.

    Like glass.arff the class attribute declares 7 values, one of which ('vehicle_wind_non-float')
    has no instances; Ba and Fe are zero in most rows, and the classes overlap (Logistic ~64 %).
    """
    names = ["build_wind_float", "build_wind_non-float", "vehicle_wind_float",
             "vehicle_wind_non-float", "containers", "tableware", "headlamps"]
    sizes = [70, 76, 17, 0, 13, 9, 29]
    # Class means of RI, Na, Mg, Al, Si, K, Ca near the original's; spread keeps classes overlapping.
    means = [[1.5187, 13.2, 3.55, 1.16, 72.6, 0.45, 8.8], [1.5186, 13.1, 3.0, 1.41, 72.6, 0.52, 9.1],
             [1.5180, 13.4, 3.5, 1.20, 72.4, 0.40, 8.8], [0, 0, 0, 0, 0, 0, 0],
             [1.5189, 12.8, 0.8, 2.03, 72.4, 1.47, 10.1], [1.5171, 14.6, 1.3, 1.37, 73.2, 0.0, 9.4],
             [1.5171, 14.4, 0.5, 2.12, 72.9, 0.33, 8.5]]
    sds = [0.002, 0.5, 0.6, 0.3, 0.6, 0.25, 0.9]
    rows = []
    for c, size in enumerate(sizes):
        for _ in range(size):
            x = [max(0.0, rng.gauss(m, s)) for m, s in zip(means[c], sds)]
            ba = max(0.0, rng.gauss(1.0, 0.6)) if (c == 6) == (rng.random() < 0.9) else 0.0
            fe = max(0.0, rng.gauss(0.15, 0.1)) if rng.random() < 0.33 else 0.0
            rows.append([round(x[0], 5)] + [round(v, 2) for v in x[1:]]
                        + [round(ba, 2), round(fe, 2), names[c]])
    rng.shuffle(rows)
    attrs = [(a, None) for a in ("RI", "Na", "Mg", "Al", "Si", "K", "Ca", "Ba", "Fe")]
    return "glass", attrs + [("Type", names)], rows


def main():
    out = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    os.makedirs(out, exist_ok=True)
    for k, (gen, file) in enumerate([(segment, "segment"), (soybean, "soybean"),
                                     (german_credit, "german_credit"), (glass, "glass")]):
        relation, attrs, rows = gen(random.Random(1000 * seed + k))
        write_arff(os.path.join(out, file + ".arff"), relation, attrs, rows)


if __name__ == "__main__":
    main()
