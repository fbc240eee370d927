"""The public columns of ../shared/docs/warehouse-contract.md, as the tests hold the marts to them."""

SHARED = ["claim_id", "article_id", "claimant", "date_start", "date_end", "date_precision",
          "place_name", "place_id", "admin1", "latitude", "longitude", "geo_precision",
          "evidence_text", "evidence_start", "evidence_end", "extractor_version"]

CONTRACT_COLUMNS = {
    "fct_control_changes": SHARED + ["new_controller", "previous_controller", "new_controller_label",
                                     "previous_controller_label", "change_type"],
    "fct_casualty_claims": SHARED + ["victim_actor", "victim_label", "victim_type", "outcome", "count_low",
                                     "count_best", "count_high", "qualifier", "period_start", "period_end",
                                     "perpetrator_actor"],
    "fct_displacement_figures": SHARED + ["population", "count_low", "count_best", "count_high",
                                          "qualifier", "is_projection"],
    "fct_equipment_losses": SHARED + ["equipment_text", "model", "category", "status", "quantity",
                                      "qualifier", "owner_actor", "captor_actor"],
    "dim_articles": ["article_id", "title", "outlet", "published_at", "url", "source_uri",
                     "content_sha256", "n_chars", "language", "ingested_at"],
    "quarantine": ["source_uri", "reason", "detail", "seen_at"],
    "control_events": ["event_id", "place_name", "place_id", "latitude", "longitude", "new_controller",
                       "previous_controller", "change_type", "date_start", "date_end", "n_claims",
                       "n_articles", "n_claimants", "claimants", "first_reported", "last_reported",
                       "claim_ids"],
}
FACT_TABLES = [t for t in CONTRACT_COLUMNS if t.startswith("fct_")]


def columns_of(conn, table: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'marts' AND table_name = ?",
        [table]).fetchall()]
