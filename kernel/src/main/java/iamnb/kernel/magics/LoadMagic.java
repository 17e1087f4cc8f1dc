package iamnb.kernel.magics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code %load file.jsh}: runs a file of Java snippets in the session, as if typed in a cell. */
public final class LoadMagic implements Magic {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public String help() {
        return "file.jsh ... — run files of Java snippets in this session";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        if (call.argList().isEmpty()) {
            throw new MagicException("%load needs a file, e.g. %load helpers.jsh");
        }
        for (String name : call.argList()) {
            Path file = ClasspathMagic.resolve(context.workingDirectory(), name);
            String code;
            try {
                code = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new MagicException("%load: no such file " + file);
            } catch (IOException e) {
                throw new MagicException("%load: cannot read " + file + ": " + e.getMessage(), e);
            }
            if (!context.eval(code)) {
                context.err().println("(in " + file + ")");
                return;
            }
        }
    }
}
