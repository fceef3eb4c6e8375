package io.gazette.search;

import java.util.List;

/** One page of results and how many documents matched in all. */
public record SearchResults(int total, List<SearchHit> hits) {
}
