"""The scoring pipeline's records and ports (what `skima.scoring` and `skima.writeback` need from outside)."""
