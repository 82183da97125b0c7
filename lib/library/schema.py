"""The library's tables (SQLAlchemy Core). Change them only together with a new migration."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# One row per distinct file (by SHA-256). ``version`` counts accepted changes to the article
# (metadata, table edits, figure reviews, retirement): a write names the version it was made on
# and is refused when another write came first.
articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("file_name", String(255), nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("title", Text, nullable=False),
    Column("publisher", Text, nullable=False, default="unknown"),
    Column("published", Text, nullable=False, default="unknown"),
    Column("url", Text, nullable=False, default="unknown"),
    Column("added_by", String(255), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("bundled", Boolean, nullable=False, default=False),
    Column("retired", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False, default=1),
)

# Append-only: every change to an article, with who made it and when. Never updated or deleted.
history = Table(
    "history",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("payload", Text, nullable=False),  # JSON
    Column("author", String(255), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),  # the article's version this change made
)

# Saved chart specs: what to draw, never the drawing. The id is stable and goes in links.
charts = Table(
    "charts",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("spec", Text, nullable=False),  # JSON
    Column("created_by", String(255), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Derived data, rebuildable from ``articles.raw`` by the current pipeline: what the listing needs
# without re-reading every article. Rebuilt when ``pipeline`` differs from the running code's.
extractions = Table(
    "extractions",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("pipeline", String(64), nullable=False),
    Column("tables", Integer, nullable=False),
    Column("figures", Integer, nullable=False),
    Column("characters", Integer, nullable=False),
    Column("tables_json", Text, nullable=False),
)

# One row: a number every write bumps, so readers cache by it and never go stale.
state = Table(
    "state",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("value", Integer, nullable=False),
)
