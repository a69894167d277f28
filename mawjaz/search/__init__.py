"""Search: the published entries → the Pagefind index in shards of whole years, and the browser's query tables.

Takes: a SearchSource (published entries newest first, statements, registries), of the SiteModel or not.
Gives: index files, byte-identical for the same entries, in the folder it is handed.
Never: reads seeds or entry files, imports the site stage, or puts a draft in the index.
"""
from .index import (BROWSER_TABLES_PATH, INDEX_FOLDER, WORK_PREFIX, SearchSource, build_shards, bundle_made,
                    folder_bytes, make_bundle, place_bundle, prepare_search, report_shard,
                    search_as_indexed, shard_path, write_browser_tables)
from .shards import ShardFinder, published_shards

__all__ = ["BROWSER_TABLES_PATH", "INDEX_FOLDER", "WORK_PREFIX", "SearchSource", "ShardFinder", "build_shards",
           "bundle_made", "folder_bytes", "make_bundle", "place_bundle", "prepare_search",
           "published_shards", "report_shard", "search_as_indexed", "shard_path", "write_browser_tables"]
