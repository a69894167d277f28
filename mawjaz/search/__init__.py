"""Search: the published entries → the Pagefind index in shards of whole years, and the browser's query tables.

Takes: the SiteModel (entries newest first, registries, statements).
Gives: index files, byte-identical for the same entries, in the folder it is handed.
Never: reads seeds or entry files, imports the site stage, or puts a draft in the index.
"""
from .index import (BROWSER_TABLES_PATH, INDEX_FOLDER, build_shards, folder_bytes, prepare_search, shard_path,
                    write_browser_tables)
from .shards import ShardFinder, published_shards

__all__ = ["BROWSER_TABLES_PATH", "INDEX_FOLDER", "ShardFinder", "build_shards", "folder_bytes", "prepare_search",
           "published_shards", "shard_path", "write_browser_tables"]
