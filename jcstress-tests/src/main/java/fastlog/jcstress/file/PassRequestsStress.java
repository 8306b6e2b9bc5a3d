package fastlog.jcstress.file;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import fastlog.internal.file.PassRequests;

/**
 * The file output's merged housekeeping requests ({@link PassRequests}, as {@code Housekeeping}
 * uses it): the writer renames a file, then requests a pass, while a queued pass starts. The
 * claim: a request is never merged into a pass that then misses the rename.
 */
public final class PassRequestsStress {

    private PassRequestsStress() {
    }

    @JCStressTest
    @Description("A pass is queued. The writer renames a file (x = 1) and requests a pass; the queued pass starts "
            + "and looks at the directory (reads x).")
    @Outcome(id = {"1, 0", "1, 1"}, expect = ACCEPTABLE,
            desc = "pass -> request: the request found no pass queued and submits a new one, which will see x.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,
            desc = "request -> pass: the request was merged into the queued pass, which sees the rename.")
    @Outcome(expect = FORBIDDEN,
            desc = "0, 0: the request was merged into a pass that did not see the rename: a rotated file left "
                    + "uncompressed and unpruned until the next rotation.")
    @State
    public static class MergedRequestIsSeenByThePass {
        final PassRequests requests = new PassRequests();
        int renamed;

        public MergedRequestIsSeenByThePass() {
            requests.request(); // a pass is queued
        }

        @Actor
        public void writer(II_Result r) {
            renamed = 1;
            r.r1 = requests.request() ? 1 : 0;
        }

        @Actor
        public void pass(II_Result r) {
            requests.passStarting();
            r.r2 = renamed;
        }
    }
}
