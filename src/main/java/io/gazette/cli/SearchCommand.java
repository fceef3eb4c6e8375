package io.gazette.cli;

import io.gazette.build.SiteBuild;
import io.gazette.config.ConfigLoader;
import io.gazette.search.SearchFilter;
import io.gazette.search.SearchHit;
import io.gazette.search.SearchResults;
import io.gazette.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gazette search "thi dua khen thuong"}: queries the index the last build wrote. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the articles in the index the last `gazette build` wrote. Vietnamese words match"
                + " with or without diacritics (thi dua = thi đua).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:results, or none found", "2:no index yet (run `gazette build` first) or a usage error"})
public final class SearchCommand implements Callable<Integer> {
    static final Path DEFAULT_INDEX = SiteBuild.searchIndexDir(Path.of(ConfigLoader.CACHE_DIR));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "WORDS", description = "What to look for, e.g. thi dua khen thuong")
    List<String> words;

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index = DEFAULT_INDEX;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Most results to show (default: ${DEFAULT-VALUE}).")
    int limit = 10;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only articles with this tag.")
    String tag;

    @Option(names = "--year", paramLabel = "YEAR", description = "Only articles of this year.")
    Integer year;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String query = String.join(" ", words).strip();
        if (!SearchService.exists(index)) {
            err.println("gazette: no search index at " + index + "; run `gazette build` first");
            err.flush();
            return 2;
        }
        try (SearchService search = SearchService.open(index)) {
            SearchResults results = search.search(query, new SearchFilter(tag, year), 0, Math.max(1, limit));
            if (results.total() == 0) {
                out.println("No results for «" + query + "».");
            } else {
                out.println(results.total() + (results.total() == 1 ? " result" : " results") + " for «" + query + "»"
                        + (results.total() > results.hits().size() ? " (showing " + results.hits().size() + ")" : "") + ":");
                int rank = 1;
                for (SearchHit hit : results.hits()) {
                    out.println();
                    out.println(rank++ + ". " + hit.titleMarked("«", "»")
                            + (hit.date() == null ? "" : " — " + DATE.format(hit.date())));
                    out.println("   /" + hit.url());
                    out.println("   " + hit.snippetMarked("«", "»"));
                }
            }
        }
        out.flush();
        return 0;
    }
}
