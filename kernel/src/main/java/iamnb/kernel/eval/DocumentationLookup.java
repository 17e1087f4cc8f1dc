package iamnb.kernel.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Signatures and Javadoc of what a piece of code names, for Shift-Tab and {@code ?}: JShell's
 * {@link SourceCodeAnalysis#documentation} with the library's sources added ({@link JavadocSources}) and the
 * Javadoc remembered per signature.
 *
 * <p>Why remember: JShell finds a Javadoc comment by parsing and entering the element's whole source file with
 * a fresh compiler, on every request (~3× the cost of the signature alone; {@code Account.java} is 400 lines,
 * {@code String.java} 4,800). A signature names one element of a library or JDK class, whose comment cannot
 * change during a session, so the second Shift-Tab on the same method asks JShell for signatures only. Classes
 * a notebook declares have no comment JShell could read; they are cached as having none, like everything else.
 *
 * <p>Not thread-safe: used on the shell thread, as the rest of {@link JShellEvaluator}.
 */
final class DocumentationLookup {
    /** One element's signature and its Javadoc, if it has any. */
    record Entry(String signature, Optional<JavadocText> javadoc) {}

    private final SourceCodeAnalysis analysis;
    private final Map<String, Optional<JavadocText>> javadocBySignature = new HashMap<>();

    /** Adds the library's sources to {@code analysis}'s Javadoc lookup (once per analysis: build one of these). */
    DocumentationLookup(SourceCodeAnalysis analysis, ClassLoader loader) {
        this.analysis = analysis;
        JavadocSources.addLibrarySources(analysis, loader);
    }

    /**
     * What {@code input} (a snippet's text up to the cursor) names at its end: a variable, field, class, or the
     * overloads of a method, the last also when the input stops before the call's {@code (}.
     */
    List<Entry> lookup(String input) {
        List<SourceCodeAnalysis.Documentation> signatures = documentation(input, false);
        if (signatures.stream().anyMatch(d -> !javadocBySignature.containsKey(d.signature()))) {
            for (SourceCodeAnalysis.Documentation doc : documentation(input, true)) {
                javadocBySignature.put(doc.signature(), doc.javadoc() == null || doc.javadoc().isBlank()
                        ? Optional.empty() : Optional.of(JavadocText.of(doc.javadoc())));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : signatures) {
            entries.add(new Entry(doc.signature(), javadocBySignature.getOrDefault(doc.signature(),
                    Optional.empty())));
        }
        return entries;
    }

    private List<SourceCodeAnalysis.Documentation> documentation(String input, boolean javadoc) {
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(input, input.length(), javadoc);
        return docs.isEmpty() ? analysis.documentation(input + "(", input.length() + 1, javadoc) : docs;
    }
}
