"""An independent implementation of the DESIGN.md draw contract, for DrawTest's pinned draws.

usage: python3 src/test/python/draw_reference.py   (prints the expected samples)
Uses only hashlib: ticket = sha256(seed + "/" + village), u = (int(first 13 hex) + 0.5) / 16**13.
"""
import hashlib

FRAME = [("A", f"A{i:02d}", h) for i, h in enumerate([30, 12, 45, 8, 300, 22, 17, 60])] + \
        [("B", f"B{i:02d}", h) for i, h in enumerate([25, 25, 25, 25, 0, 40, 10, 90, 33, 12])]
SEED = "2026-05-10 lottery 03 17 22 25 31"


def ticket(seed, village):
    return hashlib.sha256((seed + "/" + village).encode("utf-8")).hexdigest()


def u(t):
    return (int(t[:13], 16) + 0.5) / 16 ** 13


def srs(villages, n, seed):
    ranked = sorted(villages, key=lambda v: ticket(seed, v[1]))[:n]
    return [(v[1], n / len(villages)) for v in ranked]


def pps(villages, n, seed):
    rest = [v for v in villages if v[2] > 0]
    target = min(n, len(rest))
    certain = []
    while target - len(certain) > 0:
        left = target - len(certain)
        total = sum(v[2] for v in rest)
        new = [v for v in rest if left * v[2] / total >= 1]
        if not new:
            break
        certain += new
        rest = [v for v in rest if v not in new]
    out = [(v[1], 1.0) for v in sorted(certain, key=lambda v: ticket(seed, v[1]))]
    left = target - len(certain)
    total = sum(v[2] for v in rest)
    ranked = sorted(rest, key=lambda v: (u(ticket(seed, v[1])) / v[2], ticket(seed, v[1])))[:left]
    return out + [(v[1], left * v[2] / total) for v in ranked]


for method, f in (("srs", srs), ("pps", pps)):
    for county, n in (("A", 3), ("B", 4)):
        villages = [v for v in FRAME if v[0] == county]
        print(method, county, [(v, repr(p)) for v, p in f(villages, n, SEED)])


def shuffle(counties, seed, attempt):
    order = list(counties)
    for i in range(len(order) - 1, 0, -1):
        j = int(u(ticket(seed, f"teams/{attempt}/{i}")) * (i + 1))
        order[i], order[j] = order[j], order[i]
    return order


def assign(teams, counties, seed):
    attempt = 0
    while True:
        order = shuffle(counties, seed, attempt)
        if all(order[k] != home for k, (team, home) in enumerate(teams)):
            return attempt + 1, {team: order[k] for k, (team, home) in enumerate(teams)}
        attempt += 1


print("shuffle x 0", shuffle(["C1", "C2", "C3", "C4"], "x", 0))
print("assign x", assign([("T1", "C1"), ("T2", "C2"), ("T3", "C3"), ("T4", "C4")], ["C1", "C2", "C3", "C4"], "x"))
