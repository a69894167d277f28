"""Benchmark: a deterministic corpus, and Mawjaz's build timed against Hugo + Pagefind (make bench)."""
