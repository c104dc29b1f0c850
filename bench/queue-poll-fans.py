#!/usr/bin/env python3
"""Fans for bench/queue-poll.sh, through the public JSON API only (standard library only).

  queue-poll-fans.py setup BASE_URL COUNT PREFIX CONCERT_ID:PAIRS_FILE [CONCERT_ID:PAIRS_FILE ...]
      signs COUNT fans up, takes a bearer token for each, joins each concert's line and writes
      one "<jwt> <ticket>" line per fan to that concert's PAIRS_FILE.
  queue-poll-fans.py browsers BASE_URL COUNT PREFIX CONCERT_ID:POLLS_FILE [CONCERT_ID:POLLS_FILE ...]
      signs the same fans in as a browser does (GET /login for the CSRF token, POST the form,
      keep the JSESSIONID cookie), opens each concert's waiting-room page and writes one
      "<JSESSIONID> <poll path>" line per fan to that concert's POLLS_FILE: the path is the
      panel's own hx-get, ticket included, exactly what the page polls.
  queue-poll-fans.py check BASE_URL CONCERT_ID PAIRS_FILE MIN_POSITION MAX_POSITION
      polls every fan of PAIRS_FILE once and fails unless each answers 200, WAIT, with a
      position in [MIN_POSITION, MAX_POSITION] (and no two fans share a position).
  queue-poll-fans.py check-browsers BASE_URL POLLS_FILE MIN_POSITION MAX_POSITION
      the same for the browser polls of POLLS_FILE (cookie, HX-Request): each must answer 200
      with the waiting panel, a position in range, and no Set-Cookie.

Sign-up and token requests hash passwords (bcrypt), so they run a few at a time in parallel.
"""

import base64
import html
import http.client
import json
import re
import sys
import time
import urllib.error
import urllib.parse
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
        # the line gives a place at the promoter's next tick: poll as a fan does until it has one, and
        # keep the ticket of that answer (a ticket with its place is answered without the database)
        answer = joined
        for _ in range(40):
            if answer.get("position") is not None:
                break
            time.sleep(0.5)
            answer = call("GET", f"{base}/api/v1/concerts/{cid}/queue",
                          headers={"Authorization": f"Bearer {jwt}", "Queue-Token": answer["token"]})
        if answer.get("position") is None:
            raise RuntimeError(f"{username} got no place in concert {cid} within 20 s: {answer}")
        tickets[cid] = answer["token"]
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


CSRF_INPUT = re.compile(r'name="_csrf" value="([^"]+)"')
PANEL_POLL = re.compile(r'id="waiting-panel"[^>]*hx-get="([^"]+)"')
POSITION = re.compile(r'data-testid="position">([0-9,]+)<')


def raw(base, method, path, headers=None, body=None):
    """One request without following redirects: (status, headers, text)."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        res = conn.getresponse()
        return res.status, res.getheaders(), res.read().decode()
    finally:
        conn.close()


def session_cookie(headers):
    for name, value in headers:
        if name.lower() == "set-cookie" and value.startswith("JSESSIONID="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return None


def browser(base, username, concert_ids):
    status, headers, text = raw(base, "GET", "/login")
    pre_login = session_cookie(headers)
    token = CSRF_INPUT.search(text)
    if status != 200 or not pre_login or not token:
        raise RuntimeError(f"GET /login for {username}: {status}, no session or CSRF token")
    form = urllib.parse.urlencode({"username": username, "password": PASSWORD, "_csrf": html.unescape(token[1])})
    status, headers, _ = raw(base, "POST", "/login", {
        "Cookie": f"JSESSIONID={pre_login}", "Content-Type": "application/x-www-form-urlencoded"}, form)
    location = dict((k.lower(), v) for k, v in headers).get("location", "")
    session = session_cookie(headers) or pre_login  # the id changes at sign-in (session fixation)
    if status != 302 or "error" in location:
        raise RuntimeError(f"POST /login for {username}: {status} {location}")
    polls = {}
    for cid in concert_ids:
        status, _, text = raw(base, "GET", f"/concerts/{cid}/waiting-room", {"Cookie": f"JSESSIONID={session}"})
        poll = PANEL_POLL.search(text)
        if status != 200 or not poll:
            raise RuntimeError(f"{username}'s waiting room of concert {cid}: {status}, no polling panel")
        polls[cid] = html.unescape(poll[1])
    return session, polls


def browsers(base, count, prefix, targets):
    concerts = [t.split(":", 1) for t in targets]
    concert_ids = [cid for cid, _ in concerts]
    names = [f"{prefix}{i:05d}" for i in range(1, count + 1)]
    with ThreadPoolExecutor(PARALLEL) as pool:
        fans = list(pool.map(lambda n: browser(base, n, concert_ids), names))
    for cid, path in concerts:
        with open(path, "w") as f:
            for session, polls in fans:
                f.write(f"{session} {polls[cid]}\n")


def check_browsers(base, path, low, high):
    with open(path) as f:
        polls = [line.split() for line in f if line.strip()]

    def poll(line):
        session, target = line
        status, headers, text = raw(base, "GET", target, {"Cookie": f"JSESSIONID={session}", "HX-Request": "true"})
        position = POSITION.search(text)
        cookies = [v for k, v in headers if k.lower() == "set-cookie"]
        if status != 200 or 'id="waiting-panel"' not in text or not position:
            return f"{target} -> {status}, not the waiting panel: {text[:200]!r}"
        if cookies:
            return f"{target} set a cookie: {cookies}"
        place = int(position[1].replace(",", ""))
        return place if low <= place <= high else f"{target}: position {place} not in [{low}, {high}]"

    with ThreadPoolExecutor(PARALLEL) as pool:
        answers = list(pool.map(poll, polls))
    bad = [a for a in answers if not isinstance(a, int)]
    if bad:
        raise SystemExit(f"{len(bad)} of {len(answers)} browser polls wrong, e.g. {bad[0]}")
    if len(set(answers)) != len(answers):
        raise SystemExit("two browser fans share a position")
    print(f"{len(answers)} browser fans see the waiting panel at positions {min(answers)}..{max(answers)}")


def check(base, cid, path, low, high):
    with open(path) as f:
        pairs = [line.split() for line in f if line.strip()]

    def poll(pair):
        jwt, ticket = pair
        return call("GET", f"{base}/api/v1/concerts/{cid}/queue",
                    headers={"Authorization": f"Bearer {jwt}", "Queue-Token": ticket})

    with ThreadPoolExecutor(PARALLEL) as pool:
        answers = list(pool.map(poll, pairs))
    bad = [a for a in answers if a.get("status") != "WAIT" or not (low <= (a.get("position") or -1) <= high)]
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
    elif len(argv) >= 5 and argv[1] == "browsers":
        browsers(argv[2].rstrip("/"), int(argv[3]), argv[4], argv[5:])
    elif len(argv) == 7 and argv[1] == "check":
        check(argv[2].rstrip("/"), argv[3], argv[4], int(argv[5]), int(argv[6]))
    elif len(argv) == 6 and argv[1] == "check-browsers":
        check_browsers(argv[2].rstrip("/"), argv[3], int(argv[4]), int(argv[5]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
