"""The fact-check of the twelve original examples, one test each: the corrected figure or rule is in
the data and on the rendered page, so the slip cannot come back unnoticed."""
from __future__ import annotations

import re

import pytest

from macros import example_figures
from macros.estimates import estimate
from macros.example_page import worked_example


@pytest.fixture(scope="module")
def pages(book, here):
    return {slug: worked_example(book, here(f"examples/{slug}.md"), slug) for slug in book.examples}


def sized(book, slug):
    we = book.examples[slug]
    result = estimate(we.scenario)
    rows = {r.id: r for r in book.capacity.rows}
    return {s.line.what: s for s in example_figures.sizing(we.example, result, rows)}, \
        example_figures.cache_sizing(we.example, result, rows)


def test_news_feed_counts_sorted_set_overhead_and_image_egress(book, pages):
    _, cache = sized(book, "news-feed")
    assert cache.row.id == "redis-zset-member-overhead" and 300e9 <= cache.bytes <= 500e9
    biggest = next(r.answer for r in book.examples["news-feed"].example.red_team if r.question == "biggest-cost")
    assert "CDN" in biggest and ("egress" in biggest.lower() or "sending" in biggest.lower())


def test_proximity_counts_two_store_operations_per_update_and_sizes_sockets_for_the_peak(book, pages):
    lines, _ = sized(book, "proximity-location")
    assert any(s.line.per_op == 2 for s in lines.values())
    md = pages["proximity-location"]
    assert "peak" in md[md.index("{#numbers}"):md.index("{#design}")].lower() and "ZREMRANGEBYSCORE" in md
    assert "inmemory-shard-writes" in {s.row.id for s in lines.values()}


def test_chat_buckets_busy_conversations_allocates_sequences_and_covers_presence(pages):
    md = pages["chat"]
    assert re.search(r"week buckets", md) and re.search(r"day buckets", md)
    assert "seq" in md and md.lower().count("presence") >= 10


def test_url_shortener_hashes_counter_codes_counts_clicks_and_uses_its_hit_ratio(book, pages):
    ex = book.examples["url-shortener"].example
    assert "hash" in ex.data_model.shard_key and "range partitioning would send" in ex.data_model.why
    assert "302" in ex.api.endpoints[1].response and "301" in ex.api.note
    lines, cache = sized(book, "url-shortener")
    assert cache.cache.hit_ratio == 0.9 and any(s.line.after_cache for s in lines.values())
    ladder = next(d for d in ex.deep_dives if d.ladder and "code" in d.hotspot.lower())
    assert [o.name for o in ladder.options] == ["Hash the long URL, check for collisions", "One global counter",
                                                "Leased ranges (key-generation service)"]


def test_rate_limiter_compares_every_algorithm_and_takes_the_stores_clock(book, pages):
    ex = book.examples["rate-limiter"].example
    names = " ".join(o.name for d in ex.deep_dives for o in d.options).lower()
    for algorithm in ("fixed window", "sliding log", "sliding window counter", "token bucket", "leaky bucket"):
        assert algorithm in names, algorithm
    md = pages["rate-limiter"]
    assert "2× the limit" in md and "redis.call('TIME')" in md


def test_autocomplete_cdn_ttl_matches_its_promise(book):
    """The header the API sends keeps the CDN's copy 10 minutes; the old hour-long one is only
    discussed as the option it replaced."""
    header = book.examples["search-autocomplete"].example.api.endpoints[0].response
    assert "s-maxage=600" in header and "max-age=3600" not in header


def test_document_pipeline_chunks_fit_the_encoder_and_search_is_hybrid_and_reranked(book, pages):
    md = pages["document-pipeline"]
    assert "512-token" in md and "450 tokens" in md and "overlap" in md.lower()
    assert "BM25" in md and "rerank" in md.lower()
    rows = {r for d in book.examples["document-pipeline"].example.deep_dives for o in d.options for r in o.capacity}
    assert {"vector-hnsw-query-ms", "vector-managed-query-ms"} <= rows
    assert "10-80 ms per 10K" not in md


def test_ballpark_helper_figures_come_from_the_capacity_table_with_their_kind(book):
    rows = {r.id: r for r in book.capacity.rows}
    assert rows["inmemory-shard-writes"].kind == "rule-of-thumb" and rows["gpu-embedding-chunks"].kind == "rule-of-thumb"
    lines, _ = sized(book, "document-pipeline")
    assert "gpu-embedding-chunks" in {s.row.id for s in lines.values()}
