import java.util.TreeSet;

import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Prints "test-name actor-count" for every jcstress test in the jar, one per line, sorted, as
 * jcstress itself reads them (META-INF/TestList). jcstress needs one CPU per actor: with fewer
 * CPUs in use it skips the test. Used by run-jcstress.sh, launched as a source file:
 * {@code java -cp jcstress.jar ActorCounts.java}.
 */
public final class ActorCounts {

    private ActorCounts() {
    }

    public static void main(String[] args) {
        for (String test : new TreeSet<>(TestList.tests())) {
            System.out.println(test + " " + TestList.getInfo(test).threads());
        }
    }
}
