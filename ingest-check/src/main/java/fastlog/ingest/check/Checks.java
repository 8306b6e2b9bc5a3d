package fastlog.ingest.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named assertions of one run, printed as they are made ({@code PASS}/{@code FAIL}) and kept for the results file. */
final class Checks {

    private final List<Map<String, Object>> all = new ArrayList<>();
    private int failed;

    /** Records one assertion; {@code detail} is shown (and kept) only when it fails. */
    boolean check(String what, boolean ok, Object detail) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("check", what);
        r.put("passed", ok);
        if (ok) {
            System.out.println("PASS " + what);
        } else {
            failed++;
            String d = String.valueOf(detail);
            d = d.length() > 4000 ? d.substring(0, 4000) + "..." : d;
            r.put("detail", d);
            System.out.println("FAIL " + what + "\n     " + d.replace("\n", "\n     "));
        }
        all.add(r);
        return ok;
    }

    /** A failure that stops the run (the node or the generator could not do its part). */
    void abort(String what, Throwable e) {
        check(what, false, e.toString());
    }

    int failed() {
        return failed;
    }

    int passed() {
        return all.size() - failed;
    }

    List<Map<String, Object>> results() {
        return all;
    }
}
