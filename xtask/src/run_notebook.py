"""Execute one notebook headless; on a failing cell, name the notebook and the cell.

Usage: python run_notebook.py NOTEBOOK OUTPUT
"""
import os
import sys

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
