"""Where models run: CUDA when present, else CPU, with a bounded thread count.

The thread count matters on shared machines: torch defaults to every core, and several worker
processes each using every core thrash each other.
"""

from __future__ import annotations


def select_device(requested: str = "auto") -> str:
    """``auto`` -> ``cuda`` when torch sees a GPU, else ``cpu``; anything else is used as given."""
    import torch

    if requested in ("", "auto", None):
        return "cuda" if torch.cuda.is_available() else "cpu"
    if requested.startswith("cuda") and not torch.cuda.is_available():
        raise RuntimeError(f"device {requested!r} requested but torch sees no CUDA device")
    return requested


def set_threads(threads: int) -> None:
    """Limit torch's intra-op threads (0 leaves torch's default)."""
    import torch

    if threads and threads > 0 and torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
