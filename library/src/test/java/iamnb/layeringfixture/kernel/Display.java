package iamnb.layeringfixture.kernel;

/** Stands for the kernel in LayeringTest's fixture. */
public final class Display {
}
