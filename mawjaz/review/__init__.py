"""Review: a maintainer's commands on entries already written, refresh and proposals accept/reject.

Takes: the entries, the registries, and today's ingest of the entries' seeds.
Gives: reports of what would change, and, when asked, the entry and registry files changed.
Never: changes a field a maintainer edited, or writes an entry or registry file other than whole.
"""
from .proposals import review
from .refresh import RefreshReport, plan_refresh

__all__ = ["RefreshReport", "plan_refresh", "review"]
