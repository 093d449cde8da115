"""Networks trained per second: the kit's Rust trainer against PyTorch on CPU, in one run.

The workload is the one the book trains most (the crux's main arm): 7-40-40-1 ReLU networks
drawn from Valle-Pérez et al.'s initial distribution (weights and biases uniform on
±√6/√fan_in, the output layer's on ±√3/√fan_in), each trained by minibatch SGD (learning
rate 0.02, batches of 8, a fresh shuffle per network and epoch, half squared error to ±1)
on 32 of the 128 inputs of a Boolean function of 7 bits, and stopped at the first epoch at
which the sign of its output fits all 32 (at most 2,000 epochs).

PyTorch trains all the networks at once: parameters stacked on a leading axis, every layer
one batched matrix product (`torch.bmm`), gradients by autograd; after every epoch the
networks that fit leave the batch, so a network that has fit stops costing work. The Rust
side is `cargo run -p nets --example fit_speed` with the same number of threads. The script
prints both rates and their ratio.

Not needed by the book. Run from the repository root with PyTorch and numpy installed (a
throwaway virtual environment will do; the CPU build is enough):

    python3 -m venv /tmp/bench-venv && /tmp/bench-venv/bin/pip install torch numpy
    /tmp/bench-venv/bin/python bench/torch_training.py [NETWORKS] [THREADS]
"""

import os
import re
import subprocess
import sys
import time

NETWORKS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(THREADS)

import torch  # noqa: E402  (after the thread limits)

torch.set_num_threads(THREADS)
BITS, WIDTH, BATCH, LR, MAX_EPOCHS = 7, 40, 8, 0.02, 2000
INPUTS = torch.tensor([[(i >> j) & 1 for j in range(BITS)] for i in range(1 << BITS)],
                      dtype=torch.float32)
TRAIN = list(range(0, 128, 4))
TARGET = [1.0 if (i ^ (i >> 3) ^ (i >> 5)) & 1 else -1.0 for i in TRAIN]


def uniform(shape, limit, gen):
    return (torch.rand(shape, generator=gen) * 2 - 1) * limit


def train(networks, gen):
    """Trains `networks` networks at once; returns how many fit within the budget."""
    sizes = [BITS, WIDTH, WIDTH, 1]
    params = []
    for layer, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:])):
        limit = (3.0 if layer == len(sizes) - 2 else 6.0) ** 0.5 / fan_in ** 0.5
        params.append(uniform((networks, fan_in, fan_out), limit, gen).requires_grad_())
        params.append(uniform((networks, 1, fan_out), limit, gen).requires_grad_())
    x_all = INPUTS[TRAIN]
    t_all = torch.tensor(TARGET).reshape(-1, 1)

    def forward(x):
        a = x
        for layer in range(3):
            a = torch.baddbmm(params[2 * layer + 1], a, params[2 * layer])
            if layer < 2:
                a = torch.relu(a)
        return a

    fitted = 0
    live = torch.arange(networks)
    for _ in range(MAX_EPOCHS):
        with torch.no_grad():
            y = forward(x_all.expand(len(live), -1, -1))
            fits = (y * t_all > 0).all(dim=2).all(dim=1)
        if fits.any():
            fitted += int(fits.sum())
            keep = ~fits
            live = live[keep]
            with torch.no_grad():
                params = [p[keep].clone().requires_grad_() for p in params]
            if len(live) == 0:
                break
        order = torch.argsort(torch.rand(len(live), len(TRAIN), generator=gen), dim=1)
        for start in range(0, len(TRAIN), BATCH):
            rows = order[:, start:start + BATCH]
            x = x_all[rows]
            t = t_all[rows]
            loss = (0.5 * (forward(x) - t) ** 2).mean(dim=(1, 2)).sum()
            grads = torch.autograd.grad(loss, params)
            with torch.no_grad():
                for p, g in zip(params, grads):
                    p -= LR * g
    return fitted


def torch_rate():
    gen = torch.Generator().manual_seed(1)
    train(NETWORKS // 10, gen)  # warm-up
    start = time.perf_counter()
    fitted = train(NETWORKS, gen)
    seconds = time.perf_counter() - start
    return NETWORKS / seconds, fitted


def rust_rate():
    out = subprocess.run(
        ["cargo", "run", "--quiet", "-p", "nets", "--example", "fit_speed", "--",
         str(NETWORKS), str(THREADS)],
        check=True, capture_output=True, text=True).stdout
    print(out.strip())
    return float(re.search(r"([0-9.]+) networks/s", out).group(1))


def main():
    torch_networks, fitted = torch_rate()
    print(f"PyTorch {torch.__version__} (bmm, autograd), {THREADS} threads: "
          f"{torch_networks:.0f} networks/s ({fitted} of {NETWORKS} fit)")
    rust_networks = rust_rate()
    print(f"the kit / PyTorch: {rust_networks / torch_networks:.2f}")


if __name__ == "__main__":
    main()
