"""Exports: the stored events as a GDELT-style event table, PLOVER JSONL, CSV or Parquet.

Every format is derived from the stored event record (`Event.to_record()`),
plus what the store keeps beside it: the article's URL and outlet, the time it
was coded, and the event's cluster (`eventwire.dedup`) with GDELT's
NumMentions/NumSources/NumArticles. Writers stream: they take an iterable of
`StoredEvent` (`store.iter_stored_events(since, until)`) and never hold the
whole store in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, TextIO

from eventwire.store.records import StoredEvent
from eventwire.store.rows import period_start

__all__ = [
    "FLAT_COLUMNS",
    "GDELT_COLUMNS",
    "ExportFormat",
    "Partition",
    "flat_row",
    "gdelt_row",
    "plover_record",
    "write_csv",
    "write_gdelt",
    "write_parquet",
    "write_plover",
]

ExportFormat = Literal["gdelt", "plover", "parquet", "csv"]
Partition = Literal["day", "month", "year"]


def _actor_columns(n: int) -> list[str]:
    return [
        f"Actor{n}{name}"
        for name in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ]


def _geo_columns(prefix: str) -> list[str]:
    return [
        f"{prefix}_{name}"
        for name in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ]


# The 61 columns of GDELT 2.0's event table, in its order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *_actor_columns(1),
    *_actor_columns(2),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *_geo_columns("Actor1Geo"),
    *_geo_columns("Actor2Geo"),
    *_geo_columns("ActionGeo"),
    "DATEADDED",
    "SOURCEURL",
)

# GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_GEO_TYPES = {("country", False): 1, ("country", True): 1, ("region", True): 2}
_GEO_TYPES |= {("city", True): 3, ("city", False): 4, ("region", False): 5}


def _text(value: Any) -> str:
    """A TSV/CSV cell: empty for null, no tabs or line breaks inside."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _actor_cells(actor: dict[str, Any] | None) -> list[str]:
    if not actor:
        return [""] * 10
    name = actor.get("name") or actor.get("text")
    return [
        _text(actor.get("code")),
        _text(name.upper() if name else None),
        _text(actor.get("country")),
        "",  # KnownGroupCode: IGOs and groups keep their code in Actor*Code
        "",  # EthnicCode
        "",  # Religion1Code
        "",  # Religion2Code
        _text(actor.get("sector")),
        "",  # Type2Code
        "",  # Type3Code
    ]


def _geo_cells(location: dict[str, Any] | None) -> list[str]:
    if not location:
        return [""] * 8
    in_usa = location.get("country") == "USA"
    geo_type = _GEO_TYPES.get((str(location.get("precision")), in_usa))
    return [
        _text(geo_type),
        _text(location.get("name")),
        _text(location.get("country")),  # ISO 3166 alpha-3, as in the record (GDELT: FIPS)
        "",  # ADM1Code
        "",  # ADM2Code
        _text(location.get("lat")),
        _text(location.get("lon")),
        _text(location.get("geonameid")),  # a GeoNames id (GDELT: GNS/GNIS)
    ]


def _date_cells(record: dict[str, Any]) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate: each only as precise as the event's date."""
    start = period_start(record.get("date"))
    precision = record.get("date_precision")
    if start is None:
        return ["", "", "", ""]
    day = f"{start:%Y%m%d}" if precision == "day" else ""
    month = f"{start:%Y%m}" if precision in ("day", "month") else ""
    year = f"{start.year:04d}" if precision in ("day", "month", "year") else ""
    fraction = ""
    if precision == "day":
        fraction = f"{start.year + (start.timetuple().tm_yday - 1) / 365:.4f}"
    return [day, month, year, fraction]


def gdelt_row(stored: StoredEvent) -> list[str]:
    """One GDELT 2.0 event-table row (61 cells) for an event and its cluster's counts."""
    record = stored.record
    cameo = str(record["cameo"])
    cluster = stored.cluster
    counts = (
        (cluster.num_mentions, cluster.num_sources, cluster.num_articles) if cluster else (1, 1, 1)
    )
    coded_at = f"{stored.coded_at:%Y%m%d%H%M%S}" if stored.coded_at else ""
    row = [
        _text(record["event_id"]),
        *_date_cells(record),
        *_actor_cells(record.get("source")),
        *_actor_cells(record.get("target")),
        # GDELT marks events of the lead paragraph; ours: the title or first sentence.
        "1" if int(record.get("sentence_id") or 0) <= 0 else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        _text(record.get("quad_class")),
        _text(record.get("goldstein")),
        *(str(count) for count in counts),
        "",  # AvgTone: eventwire does not score tone
        *_geo_cells(None),
        *_geo_cells(None),
        *_geo_cells(record.get("location")),
        coded_at,
        _text(stored.article_url),
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def write_gdelt(
    events: Iterable[StoredEvent],
    out: TextIO,
    *,
    header: bool = True,
    every_mention: bool = False,
) -> int:
    """Write a GDELT-style tab-separated event table; return the rows written.

    Like GDELT's, one row per happening: an event of a cluster is written only if
    it is the cluster's representative (with the cluster's counts), unless
    `every_mention`. Events not clustered yet are rows of their own (counts 1).
    """
    written = 0
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    for stored in events:
        if not every_mention and stored.cluster is not None and not stored.cluster.representative:
            continue
        out.write("\t".join(gdelt_row(stored)) + "\n")
        written += 1
    return written


def _plover_actor(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if not actor:
        return None
    return {
        "code": actor.get("code"),
        "name": actor.get("name"),
        "text": actor.get("text"),
        "country": actor.get("country"),
        "sector": actor.get("sector"),
    }


def plover_record(stored: StoredEvent) -> dict[str, Any]:
    """A PLOVER event: type, mode and context with the actor and recipient, when
    and where, and the sentence that proves it (CAMEO kept alongside)."""
    record = stored.record
    plover = record.get("plover") or {}
    cluster = stored.cluster
    return {
        "id": record["event_id"],
        "date": record.get("date"),
        "date_precision": record.get("date_precision"),
        "event_type": plover.get("type"),
        "mode": plover.get("mode"),
        "context": plover.get("context") or [],
        "actor": _plover_actor(record.get("source")),
        "recipient": _plover_actor(record.get("target")),
        "location": record.get("location"),
        "text": record.get("sentence"),
        "trigger": (record.get("trigger") or {}).get("text"),
        "negated": record.get("negated"),
        "modality": record.get("modality"),
        "background": record.get("background"),
        "cameo": record.get("cameo"),
        "quad_class": record.get("quad_class"),
        "goldstein": record.get("goldstein"),
        "confidence": record.get("confidence"),
        "article_id": record.get("article_id"),
        "sentence_id": record.get("sentence_id"),
        "url": stored.article_url,
        "publisher": stored.article_source,
        "cluster_id": cluster.cluster_id if cluster else None,
        "num_mentions": cluster.num_mentions if cluster else 1,
        "coder": record.get("coder"),
    }


def write_plover(events: Iterable[StoredEvent], out: TextIO) -> int:
    """Write PLOVER JSONL, one event a line; return the lines written."""
    written = 0
    for stored in events:
        out.write(json.dumps(plover_record(stored), ensure_ascii=False) + "\n")
        written += 1
    return written


FLAT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "sentence_id",
    "date",
    "date_precision",
    "date_start",
    "source_code",
    "source_name",
    "source_country",
    "source_sector",
    "target_code",
    "target_name",
    "target_country",
    "target_sector",
    "cameo",
    "cameo_root",
    "cameo_label",
    "plover_type",
    "plover_mode",
    "plover_context",
    "quad_class",
    "goldstein",
    "negated",
    "modality",
    "background",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "geonameid",
    "confidence",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "sentence",
    "quote_id",
    "coder",
    "article_url",
    "article_source",
    "cluster_id",
    "cluster_representative",
    "num_mentions",
    "num_sources",
    "num_articles",
    "record",
)


def flat_row(stored: StoredEvent) -> dict[str, Any]:
    """The record flattened to one value per column (CSV and Parquet); `record`
    keeps the whole record as JSON, so nothing is lost."""
    record = stored.record
    source = record.get("source") or {}
    target = record.get("target") or {}
    plover = record.get("plover") or {}
    location = record.get("location") or {}
    trigger = record.get("trigger") or {}
    cluster = stored.cluster
    cameo = str(record["cameo"])
    return {
        "event_id": record["event_id"],
        "article_id": record["article_id"],
        "sentence_id": record.get("sentence_id"),
        "date": record.get("date"),
        "date_precision": record.get("date_precision"),
        "date_start": period_start(record.get("date")),
        "source_code": source.get("code"),
        "source_name": source.get("name"),
        "source_country": source.get("country"),
        "source_sector": source.get("sector"),
        "target_code": target.get("code"),
        "target_name": target.get("name"),
        "target_country": target.get("country"),
        "target_sector": target.get("sector"),
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "cameo_label": record.get("cameo_label"),
        "plover_type": plover.get("type"),
        "plover_mode": plover.get("mode"),
        "plover_context": ";".join(plover.get("context") or []),
        "quad_class": record.get("quad_class"),
        "goldstein": record.get("goldstein"),
        "negated": record.get("negated"),
        "modality": record.get("modality"),
        "background": record.get("background"),
        "location_name": location.get("name"),
        "location_country": location.get("country"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "geonameid": location.get("geonameid"),
        "confidence": record.get("confidence"),
        "trigger_text": trigger.get("text"),
        "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"),
        "sentence": record.get("sentence"),
        "quote_id": record.get("quote_id"),
        "coder": record.get("coder"),
        "article_url": stored.article_url,
        "article_source": stored.article_source,
        "cluster_id": cluster.cluster_id if cluster else None,
        "cluster_representative": cluster.representative if cluster else None,
        "num_mentions": cluster.num_mentions if cluster else 1,
        "num_sources": cluster.num_sources if cluster else 1,
        "num_articles": cluster.num_articles if cluster else 1,
        "record": json.dumps(record, ensure_ascii=False),
    }


def write_csv(events: Iterable[StoredEvent], out: TextIO) -> int:
    """Write the flattened events as CSV with a header; return the rows written."""
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = 0
    for stored in events:
        row = flat_row(stored)
        writer.writerow({key: _csv_cell(value) for key, value in row.items()})
        written += 1
    return written


def _csv_cell(value: Any) -> Any:
    # Lower-case booleans and empty nulls read back the same in pandas, R and DuckDB.
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _partition_value(row: dict[str, Any], partition: Partition) -> str:
    start: dt.date | None = row["date_start"]
    if start is None:
        return "undated"
    if partition == "day":
        return start.isoformat()
    if partition == "month":
        return f"{start:%Y-%m}"
    return f"{start.year:04d}"


def _chunks(events: Iterable[StoredEvent], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for stored in events:
        chunk.append(flat_row(stored))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_parquet(
    events: Iterable[StoredEvent],
    directory: Path,
    *,
    partition: Partition = "month",
    rows_per_file: int = 100_000,
) -> int:
    """Write the flattened events as Parquet under `directory`, partitioned Hive-style
    by the first day of each event's period (`month=2022-02/part-00000.parquet`;
    undated events under `month=undated`). The directory must be new or empty.
    Return the rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ValueError(f"{directory}: exists and is not an empty directory; give a new one")
    schema = _parquet_schema(pa)
    directory.mkdir(parents=True, exist_ok=True)
    written = 0
    for number, chunk in enumerate(_chunks(events, rows_per_file)):
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in chunk:
            groups[_partition_value(row, partition)].append(row)
        for value, rows in sorted(groups.items()):
            folder = directory / f"{partition}={value}"
            folder.mkdir(exist_ok=True)
            table = pa.Table.from_pylist(rows, schema=schema)
            pq.write_table(table, folder / f"part-{number:05d}.parquet")
        written += len(chunk)
    return written


def _parquet_schema(pa: Any) -> Any:
    # Explicit types: a chunk whose column is all null still gets the right type.
    integer = {"sentence_id", "quad_class", "geonameid", "trigger_start", "trigger_end"}
    integer |= {"num_mentions", "num_sources", "num_articles"}
    floating = {"goldstein", "lat", "lon", "confidence"}
    boolean = {"negated", "background", "cluster_representative"}
    fields = []
    for name in FLAT_COLUMNS:
        if name in integer:
            kind = pa.int64()
        elif name in floating:
            kind = pa.float64()
        elif name in boolean:
            kind = pa.bool_()
        elif name == "date_start":
            kind = pa.date32()
        else:
            kind = pa.string()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)
