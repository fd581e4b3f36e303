// LocalStack starts DynamoDB Local with its own java agent (ddb-local-loader, a patch allowing 20+ GSIs per table),
// which it would download. Our tables have at most two GSIs: this agent loads and does nothing.
import java.lang.instrument.Instrumentation;

public final class DdbLocalLoader {
    private DdbLocalLoader() {}

    public static void premain(String arguments, Instrumentation instrumentation) {}
}
