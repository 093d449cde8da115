"""Execute one notebook headless; on a failing cell, name the notebook and the cell.

Usage: python run_notebook.py NOTEBOOK OUTPUT
"""
import os
import sys
from datetime import datetime

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

path, output = sys.argv[1], sys.argv[2]
nb = nbformat.read(path, as_version=4)
client = NotebookClient(
    nb,
    kernel_name="rust",
    timeout=900,
    resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
)


def failing_cell():
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any(
            o.get("output_type") == "error" for o in cell.get("outputs", [])
        ):
            return index, cell
    return None, None


try:
    client.execute()
except (CellExecutionError, CellTimeoutError) as err:
    nbformat.write(nb, output)
    index, cell = failing_cell()
    where = f"cell {index}" if index is not None else "a cell"
    print(f"error: {path}: {where} failed", file=sys.stderr)
    if cell is not None:
        print("--- cell source ---", file=sys.stderr)
        print(cell.source, file=sys.stderr)
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                print("--- error ---", file=sys.stderr)
                print(out.get("ename", ""), out.get("evalue", ""), file=sys.stderr)
    else:
        print(str(err)[-4000:], file=sys.stderr)
    sys.exit(1)
nbformat.write(nb, output)


def seconds(cell):
    """How long a code cell took, from the timestamps nbclient records; None without them."""
    times = cell.get("metadata", {}).get("execution", {})
    start, end = times.get("iopub.execute_input"), times.get("shell.execute_reply")
    if not (start and end):
        return None
    try:
        parse = lambda t: datetime.fromisoformat(t.replace("Z", "+00:00"))
        return (parse(end) - parse(start)).total_seconds()
    except ValueError:
        return None


# Each cell's time, so that CI's log shows where a notebook spends it.
timed = [(i, seconds(c)) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
total = sum(t for _, t in timed if t is not None)
slow = ", ".join(f"cell {i} {t:.1f} s" for i, t in timed if t is not None and t >= 1.0)
print(f"{path}: {len(timed)} code cells in {total:.1f} s" + (f" ({slow})" if slow else ""))


def figures_drawn(source):
    """How many figures a cell's code shows: its calls of show_svg, comment lines and a
    definition of show_svg aside."""
    return sum(
        line.count("show_svg(") - line.count("fn show_svg(")
        for line in source.splitlines()
        if not line.lstrip().startswith("//")
    )


def figures_kept(cell):
    return sum(
        1
        for o in cell.get("outputs", [])
        if "image/svg+xml" in o.get("data", {})
    )


# The kernel keeps one image per cell: a cell that shows two figures loses all but the last
# silently, so a cell that kept fewer figures than it drew fails the run.
lost = [
    (index, figures_drawn(cell.source), figures_kept(cell))
    for index, cell in enumerate(nb.cells)
    if cell.cell_type == "code" and figures_kept(cell) < figures_drawn(cell.source)
]
for index, drawn, kept in lost:
    print(
        f"error: {path}: cell {index} draws {drawn} figures but kept {kept}"
        " (the kernel keeps one image per cell: give each figure its own cell)",
        file=sys.stderr,
    )
if lost:
    sys.exit(1)
