"""Numbers a reader repeats in an interview, as the built site prints them: each fix of the numbers
review is pinned here, so a slip cannot come back unnoticed."""
from __future__ import annotations

import re

from macros import capacity, numbers
from tests.build.htmltext import page, text
from tests.build.test_site import BOOK


def body(site, url: str) -> str:
    return text(page(site, url))


def test_latency_table_prints_plain_nanoseconds_and_a_sourced_current_column(site):
    numbers_page = body(site, "numbers")
    assert "e+0" not in numbers_page
    assert "1,000,000 ns" in numbers_page and "150,000,000 ns" in numbers_page
    refs = {r.id: r for r in BOOK.references}
    for row in BOOK.numbers.latency.current:
        assert numbers.format_ns(row.ns) in numbers_page and refs[row.source].publisher in numbers_page
    assert "extrapolat" in numbers_page or "projects each row" in numbers_page  # the by-year page is a model


def test_vector_search_and_service_calls_are_not_misquoted(site):
    numbers_page = body(site, "numbers")
    assert "10-80 ms per 10K vectors" not in numbers_page
    assert "in-memory HNSW" in numbers_page and "managed vector database" in numbers_page
    assert "A service call within a region, with its work" in numbers_page
    assert "Scale target for a product or MVP" in numbers_page and "10K-1M requests/s" in numbers_page
    assert "ASCII" in numbers_page and "float32" in numbers_page and "float16 halves it" in numbers_page


def test_capacity_table_on_the_numbers_page_is_the_data(site):
    numbers_page = body(site, "numbers")
    for row in BOOK.capacity.rows:
        assert capacity.figure(row) in numbers_page, row.id


def test_qps_shortcuts_are_computed(site):
    numbers_page = body(site, "numbers")
    assert "1M requests a day ≈ 11.6 per second" in numbers_page
    assert "1B a month (30 days) ≈ 386 per second" in numbers_page


def test_downtime_is_rounded_one_way_and_parallel_assumes_independence(site):
    numbers_page = body(site, "numbers")
    assert numbers.format_duration(0.01 * numbers.PERIODS["year"]) == "3d 15h 40m"  # rounded, not cut
    assert "3d 15h 40m" in numbers_page
    assert "independent" in numbers_page and "failover is instant" in numbers_page


def test_failure_controls_are_a_pool_that_answers_hot_partitions_and_partial_writes(site):
    one_pager = body(site, "one-pager")
    assert "Split or cache the hot key" in one_pager and "Transaction or outbox" in one_pager
    assert "atomically with the effect" in one_pager
    for we in BOOK.examples.values():
        for f in we.example.failures:
            if f.mode == "hot-partition":
                assert "slo-error-budget" not in f.controls, we.slug


def test_latency_budget_states_its_percentile_and_what_it_leaves_out(site):
    one_pager = body(site, "one-pager")
    assert "p95 targets" in one_pager and "front end" in one_pager and "mobile network" in one_pager


def test_security_chain_reaches_a_page_once_and_jwt_can_be_revoked(site):
    one_pager = body(site, "one-pager")
    assert "Security and compliance in one breath" in one_pager
    assert "Security and compliance in one breath, in this order" not in one_pager  # said once, not twice
    step3 = body(site, "framework/step-3-deep-dive")
    for link in BOOK.one_pager.security_chain.links:
        assert link.what in step3
    assert "deny list" in body(site, "glossary")


def test_request_path_meets_the_cache_before_the_database(site):
    step2 = body(site, "framework/step-2-high-level")
    assert "User → API → Service → Cache → Database" in step2
    assert "beside every hop" in step2 and "Database → Cache" not in step2


def test_websockets_sql_and_migrations_are_stated_as_they_are(site):
    assert "connection registry" in body(site, "framework/in-practice")
    one_pager = body(site, "one-pager")
    assert "the data fits a few machines" not in one_pager and "NewSQL" in one_pager
    assert "change data capture plus a backfill" in one_pager


def test_deep_keys_say_what_the_one_queue_rule_costs(site):
    deep = body(site, "deep-keys")
    assert "head-of-line blocking" in deep and "does not buy ordering" in deep
    assert "a query you have measured" not in deep and "estimate" in deep


def test_step_three_derives_both_figures_from_one_baseline(site):
    step3 = body(site, "framework/step-3-deep-dive")
    assert "ten seconds stale" not in step3
    assert re.search(r"every 4 s is 1M writes/s; reporting every 40 s cuts that to 100K/s", step3)
