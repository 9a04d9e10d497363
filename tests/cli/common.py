"""Helpers shared by the whole-program tests of tests/cli: run toile, read its JSON."""
import json
import os
import subprocess
import sys
import tempfile


class Toile:
    def __init__(self, binary):
        self.binary = binary

    def run(self, *args, check=True, timeout=300):
        """Runs toile; returns the CompletedProcess (text). Fails the test on a bad status."""
        result = subprocess.run([self.binary, *map(str, args)], capture_output=True, text=True,
                                timeout=timeout)
        if check and result.returncode != 0:
            fail(f"toile {' '.join(map(str, args))} exited {result.returncode}:\n"
                 f"{result.stdout}\n{result.stderr}")
        return result

    def build(self, *args):
        return self.run("build", "-q", *args)

    def jsonl(self, graph):
        return self.run("export", graph, "--format", "jsonl").stdout

    def query_json(self, graph, *args, check=True):
        result = self.run("query", graph, *args, "--json", check=check)
        return json.loads(result.stdout) if result.stdout.strip() else None

    def stats(self, graph):
        return self.query_json(graph, "stats")


def fail(message):
    print("FAIL:", message, file=sys.stderr)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def articles(folder):
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".txt"))


def workdir(name):
    return tempfile.mkdtemp(prefix=f"toile-{name}-")


def make_editions(source, target, editions, limit=None):
    """A variant of every article of `source` (at most `limit`) per edition in `editions`, each
    with its own bytes: a larger corpus of the same articles."""
    os.makedirs(target)
    for n in editions:
        for path in articles(source)[:limit]:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            with open(os.path.join(target, f"{n:02d}-{os.path.basename(path)}"), "w", encoding="utf-8") as f:
                f.write(text + f"\n\nÉdition {n}.\n")


def editions_and_previous_graph(toile, corpus, work, editions):
    """For a build meant to fail or be stopped: `editions` copies of the corpus's articles in
    WORK/articles, and a previous graph of the corpus in WORK/previous.graph. Returns the
    articles' folder, the graph's path and its bytes."""
    many = os.path.join(work, "articles")
    make_editions(corpus, many, range(editions))
    previous = os.path.join(work, "previous.graph")
    toile.build(corpus, "-o", previous)
    with open(previous, "rb") as f:
        return many, previous, f.read()
