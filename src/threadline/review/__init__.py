"""Review: decisions on hits, the audit trail, and re-screening only what a list update can change."""
