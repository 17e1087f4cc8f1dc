package iamnb.kernel.eval;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites one class file so that its calls that would end the JVM go to {@link ExitTrap} instead:
 * <ul>
 *   <li>{@code invokestatic java/lang/System.exit(I)V} &rarr; {@code ExitTrap.systemExit(I)V};</li>
 *   <li>{@code invokevirtual java/lang/Runtime.exit(I)V} / {@code halt(I)V} &rarr; {@code invokestatic
 *       ExitTrap.runtimeExit/runtimeHalt(Ljava/lang/Runtime;I)V} (the receiver stays on the stack as the first
 *       argument, so the stack shape is the same);</li>
 *   <li>the same methods used as method references ({@code System::exit}, {@code rt::halt}): the method handle
 *       constants among {@code invokedynamic}'s bootstrap arguments.</li>
 * </ul>
 * Lambdas need nothing special: javac compiles their bodies into methods of the same class.
 *
 * <p>Uses ASM (relocated inside the kernel jar) because the JDK's ClassFile API is final only from 24, and the
 * kernel runs on 17. Classes are rewritten only when they mention an exit call, so most snippets are passed
 * through untouched. Reflection ({@code Method.invoke} on {@code System.exit}) and jars added with
 * {@code %maven}/{@code %classpath} are not covered: their classes are loaded by the class loader directly.
 */
final class ExitCallRewriter {
    private static final String TRAP = ExitTrap.class.getName().replace('.', '/');
    private static final String RUNTIME_CALL = "(Ljava/lang/Runtime;I)V";

    private ExitCallRewriter() {}

    /** The class with exit calls redirected, or the same array when it has none. */
    static byte[] rewrite(byte[] classFile) {
        if (!mentionsExit(classFile)) {
            return classFile;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0); // stack shapes are unchanged: no frames to recompute
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Redirect(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Cheap pre-check on the constant pool bytes: the names "exit" or "halt" appear as UTF-8 constants. */
    private static boolean mentionsExit(byte[] bytes) {
        return contains(bytes, "exit") || contains(bytes, "halt");
    }

    private static boolean contains(byte[] bytes, String word) {
        byte[] w = word.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + w.length <= bytes.length; i++) {
            for (int j = 0; j < w.length; j++) {
                if (bytes[i + j] != w[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The trap method standing in for {@code owner.name(descriptor)}, or null when the call is harmless. */
    private static String trapFor(String owner, String name, String descriptor, boolean isStatic) {
        if (!descriptor.equals("(I)V")) {
            return null;
        }
        if (isStatic && owner.equals("java/lang/System") && name.equals("exit")) {
            return "systemExit";
        }
        if (!isStatic && owner.equals("java/lang/Runtime")) {
            return name.equals("exit") ? "runtimeExit" : name.equals("halt") ? "runtimeHalt" : null;
        }
        return null;
    }

    private static final class Redirect extends MethodVisitor {
        Redirect(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String trap = trapFor(owner, name, descriptor, opcode == Opcodes.INVOKESTATIC);
            if (trap == null || (opcode != Opcodes.INVOKESTATIC && opcode != Opcodes.INVOKEVIRTUAL)) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, TRAP, trap,
                        opcode == Opcodes.INVOKESTATIC ? descriptor : RUNTIME_CALL, false);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] redirected = arguments.clone();
            for (int i = 0; i < redirected.length; i++) {
                if (redirected[i] instanceof Handle handle) {
                    redirected[i] = redirect(handle);
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, redirected);
        }

        private static Handle redirect(Handle handle) {
            boolean isStatic = handle.getTag() == Opcodes.H_INVOKESTATIC;
            if (!isStatic && handle.getTag() != Opcodes.H_INVOKEVIRTUAL) {
                return handle;
            }
            String trap = trapFor(handle.getOwner(), handle.getName(), handle.getDesc(), isStatic);
            return trap == null ? handle
                    : new Handle(Opcodes.H_INVOKESTATIC, TRAP, trap, isStatic ? handle.getDesc() : RUNTIME_CALL, false);
        }
    }
}
