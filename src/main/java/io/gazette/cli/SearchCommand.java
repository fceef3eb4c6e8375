package io.gazette.cli;

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
        description = "Tìm trong các bài viết, dùng chỉ mục do `gazette build` tạo ra. Có thể gõ không dấu.",
        exitCodeListHeading = "%nMã thoát:%n",
        exitCodeList = {"0:có kết quả, hoặc không tìm thấy gì", "2:chưa có chỉ mục (chạy `gazette build` trước) hoặc sai tham số"})
public final class SearchCommand implements Callable<Integer> {
    static final Path DEFAULT_INDEX = Path.of(io.gazette.config.ConfigLoader.CACHE_DIR, io.gazette.search.SearchIndexer.DIR_NAME);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TỪ_KHÓA", description = "Từ khóa, ví dụ: thi dua khen thuong")
    List<String> words;

    @Option(names = "--index", paramLabel = "DIR", description = "Thư mục chỉ mục (mặc định: ${DEFAULT-VALUE}).")
    Path index = DEFAULT_INDEX;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Số kết quả tối đa (mặc định: ${DEFAULT-VALUE}).")
    int limit = 10;

    @Option(names = "--tag", paramLabel = "THẺ", description = "Chỉ các bài có thẻ này.")
    String tag;

    @Option(names = "--year", paramLabel = "NĂM", description = "Chỉ các bài của năm này.")
    Integer year;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String query = String.join(" ", words).strip();
        if (!SearchService.exists(index)) {
            err.println("Chưa có chỉ mục tìm kiếm ở " + index + ". Hãy chạy `gazette build` trước.");
            err.flush();
            return 2;
        }
        try (SearchService search = SearchService.open(index)) {
            SearchResults results = search.search(query, new SearchFilter(tag, year), 0, Math.max(1, limit));
            if (results.total() == 0) {
                out.println("Không tìm thấy kết quả nào cho «" + query + "».");
            } else {
                out.println(results.total() + " kết quả cho «" + query + "»"
                        + (results.total() > results.hits().size() ? " (hiện " + results.hits().size() + ")" : "") + ":");
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
