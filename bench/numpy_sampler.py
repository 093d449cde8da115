"""Networks per second: the kit's Rust sampler against a plain numpy one, in one run.

A straightforward numpy implementation of Valle-Pérez et al.'s sampler: draw a batch of
7-40-40-1 ReLU networks (weights and biases uniform on ±√6/√fan_in, the output layer on
±√3/√fan_in), evaluate each on all 128 inputs of 7 bits with batched matrix products in
float32 (the precision the Rust sampler uses), and pack the output signs into 128-bit truth
tables. Then it runs the Rust sampler (`cargo run -p nets --example sampler_speed`)
with the same number of threads and prints both rates and their ratio.

Not needed by the book. Run from the repository root, with numpy installed (a throwaway
virtual environment will do):

    python3 -m venv /tmp/bench-venv && /tmp/bench-venv/bin/pip install numpy
    /tmp/bench-venv/bin/python bench/numpy_sampler.py [NETWORKS] [THREADS]
"""

import os
import re
import subprocess
import sys
import time

THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(THREADS)

import numpy as np  # noqa: E402  (after the thread limits, which numpy reads on import)

BITS, WIDTH, BATCH = 7, 40, 4096
INPUTS = np.array([[(i >> j) & 1 for j in range(BITS)] for i in range(1 << BITS)], np.float32)


def sample(count, seed):
    rng = np.random.default_rng(seed)
    tables = []
    for start in range(0, count, BATCH):
        b = min(BATCH, count - start)

        def uniform(shape, fan_in, scale):
            a = np.float32(np.sqrt(scale / fan_in))
            return rng.uniform(-a, a, size=(b,) + shape).astype(np.float32)

        w1, b1 = uniform((BITS, WIDTH), BITS, 6), uniform((1, WIDTH), BITS, 6)
        w2, b2 = uniform((WIDTH, WIDTH), WIDTH, 6), uniform((1, WIDTH), WIDTH, 6)
        w3, b3 = uniform((WIDTH, 1), WIDTH, 3), uniform((1, 1), WIDTH, 3)
        h1 = np.maximum(INPUTS @ w1 + b1, 0)
        h2 = np.maximum(h1 @ w2 + b2, 0)
        out = (h2 @ w3 + b3)[:, :, 0]
        tables.append(np.packbits(out > 0, axis=1))
    return np.concatenate(tables)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    start = time.perf_counter()
    tables = sample(count, 1)
    numpy_seconds = time.perf_counter() - start
    numpy_rate = count / numpy_seconds
    distinct = len(np.unique(tables, axis=0))
    print(f"numpy: {count} networks in {numpy_seconds:.2f} s: {numpy_rate:,.0f} networks/s "
          f"({distinct} distinct functions)")
    rust = subprocess.run(
        ["cargo", "run", "-q", "-p", "nets", "--example", "sampler_speed", "--",
         str(count), str(THREADS)],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    print(f"rust:  {rust}")
    rust_rate = float(re.search(r"([\d.]+) networks/s", rust).group(1))
    print(f"ratio (rust / numpy) on {THREADS} threads: {rust_rate / numpy_rate:.1f}")


if __name__ == "__main__":
    main()
