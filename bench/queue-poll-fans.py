#!/usr/bin/env python3
"""Fans for bench/queue-poll.sh, through the public JSON API only (standard library only).

  queue-poll-fans.py setup BASE_URL COUNT PREFIX CONCERT_ID:PAIRS_FILE [CONCERT_ID:PAIRS_FILE ...]
      signs COUNT fans up, takes a bearer token for each, joins each concert's line and writes
      one "<jwt> <ticket>" line per fan to that concert's PAIRS_FILE.
  queue-poll-fans.py check BASE_URL CONCERT_ID PAIRS_FILE MIN_POSITION MAX_POSITION
      polls every fan of PAIRS_FILE once and fails unless each answers 200, WAIT, with a
      position in [MIN_POSITION, MAX_POSITION] (and no two fans share a position).

Sign-up and token requests hash passwords (bcrypt), so they run a few at a time in parallel.
"""

import base64
import json
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "bench-fan-pass"
PARALLEL = 8


def call(method, url, body=None, headers=None, expect=(200,)):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            status, text = res.status, res.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    if status not in expect:
        raise RuntimeError(f"{method} {url} -> {status}: {text[:300]}")
    return json.loads(text) if text else None


def basic(username, password):
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def make_fan(base, username, concert_ids):
    call("POST", f"{base}/api/v1/members", {"username": username, "password": PASSWORD}, expect=(201,))
    jwt = call("POST", f"{base}/api/v1/auth/token", headers={"Authorization": basic(username, PASSWORD)})[
        "accessToken"
    ]
    tickets = {}
    for cid in concert_ids:
        joined = call("POST", f"{base}/api/v1/concerts/{cid}/queue", headers={"Authorization": f"Bearer {jwt}"})
        if joined.get("status") != "WAIT" or not joined.get("token"):
            raise RuntimeError(f"{username} joined concert {cid} but got {joined}")
        tickets[cid] = joined["token"]
    return jwt, tickets


def setup(base, count, prefix, targets):
    concerts = [t.split(":", 1) for t in targets]
    concert_ids = [cid for cid, _ in concerts]
    names = [f"{prefix}{i:05d}" for i in range(1, count + 1)]
    with ThreadPoolExecutor(PARALLEL) as pool:
        fans = list(pool.map(lambda n: make_fan(base, n, concert_ids), names))
    for cid, path in concerts:
        with open(path, "w") as f:
            for jwt, tickets in fans:
                f.write(f"{jwt} {tickets[cid]}\n")


def check(base, cid, path, low, high):
    with open(path) as f:
        pairs = [line.split() for line in f if line.strip()]

    def poll(pair):
        jwt, ticket = pair
        return call("GET", f"{base}/api/v1/concerts/{cid}/queue",
                    headers={"Authorization": f"Bearer {jwt}", "Queue-Token": ticket})

    with ThreadPoolExecutor(PARALLEL) as pool:
        answers = list(pool.map(poll, pairs))
    bad = [a for a in answers if a.get("status") != "WAIT" or not (low <= a.get("position", -1) <= high)]
    if bad:
        raise SystemExit(f"concert {cid}: {len(bad)} of {len(answers)} polls not WAIT in [{low}, {high}],"
                         f" e.g. {bad[0]}")
    positions = sorted(a["position"] for a in answers)
    if len(set(positions)) != len(positions):
        raise SystemExit(f"concert {cid}: two fans share a position")
    print(f"concert {cid}: {len(answers)} fans WAIT at positions {positions[0]}..{positions[-1]}")


def main(argv):
    if len(argv) >= 5 and argv[1] == "setup":
        setup(argv[2].rstrip("/"), int(argv[3]), argv[4], argv[5:])
    elif len(argv) == 7 and argv[1] == "check":
        check(argv[2].rstrip("/"), argv[3], argv[4], int(argv[5]), int(argv[6]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
