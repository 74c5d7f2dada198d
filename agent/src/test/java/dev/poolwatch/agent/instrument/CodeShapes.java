package dev.poolwatch.agent.instrument;

import java.util.concurrent.RejectedExecutionException;

/**
 * Code shapes that the pool classes do not have today but a future JDK may give them, woven in
 * {@link CodeShapesTest} with every kind of hook: constructors with several returns, switches,
 * loops back to a method's first instruction, frames naming {@code new} instructions that move,
 * frames pushed past the reach of their short encoding, and methods with no frames at all. Public,
 * so that the test can call the copy it defines in a class loader of its own.
 */
public final class CodeShapes {

    public static int lastExitStatus;

    public final String built;

    public CodeShapes(int kind) {
        if (kind < 0) {
            built = "negative";
            return;
        }
        switch (kind) {
            case 0:
                built = "zero";
                return;
            case 1:
            case 2:
            case 3:
                built = "small";
                break;
            default:
                built = new StringBuilder(kind > 100 ? "large" : "medium").append(kind).toString();
        }
    }

    public CodeShapes(String kind) {
        this(switch (kind) {
            case "zero" -> 0;
            case "one" -> 1;
            default -> kind.length() * 50;
        });
    }

    /** Loops back to its first instruction, which an entry hook must not run again. */
    public int shutdown(int countdown) {
        int steps = 0;
        do {
            countdown--;
            steps++;
        } while (countdown > 0);
        return steps;
    }

    /** A frame whose stack holds two uninitialized objects from a {@code new} that moves. */
    public Object shutdownNow(boolean yes) {
        return new StringBuilder(yes ? "yes" : "no");
    }

    /**
     * A table switch and a lookup switch, whose padding must survive the move, after the longer
     * instructions: wide iinc, ldc2_w, multianewarray, invokeinterface.
     */
    public String close(int code) {
        code += 1000;
        code -= 1000;
        long big = 1L << 40;
        int[][] grid = new int[2][3];
        CharSequence text = "grid";
        int length = text.length();
        String dense = switch (code) {
            case 1 -> "one";
            case 2 -> "two";
            case 3 -> "three";
            case 4 -> "four";
            default -> "other";
        };
        String sparse = switch (code) {
            case 10 -> "ten";
            case 1000 -> "thousand";
            case 100000 -> "lakh";
            default -> "";
        };
        return dense + sparse + (big > 0 ? grid[1].length + length : 0);
    }

    /** The first frame lies within the short encoding's reach of 63 bytes until the entry call moves it past. */
    public int terminate(int value) {
        value += 1;
        value += 2;
        value += 3;
        value += 4;
        value += 5;
        value += 6;
        value += 7;
        value += 8;
        value += 9;
        value += 10;
        value += 11;
        value += 12;
        value += 13;
        value += 14;
        value += 15;
        value += 16;
        value += 17;
        value += 18;
        if (value > 200) {
            return value;
        }
        return -value;
    }

    /** Like {@link #terminate}, with a value on the stack at the frame. */
    public int reject(int value) {
        value += 1;
        value += 2;
        value += 3;
        value += 4;
        value += 5;
        value += 6;
        value += 7;
        value += 8;
        value += 9;
        value += 10;
        value += 11;
        value += 12;
        value += 13;
        value += 14;
        value += 15;
        value += 16;
        return 5 + (value > 200 ? 1 : 2);
    }

    /** No branch, so no frames until the rejection handler brings the first. */
    public String submit(String text) {
        return text.trim();
    }

    /** Its own handler, which must stay ahead of the woven one. */
    public String execute(Runnable task) {
        if (task == null) {
            throw new RejectedExecutionException("no task");
        }
        try {
            task.run();
            return "ran";
        } catch (IllegalStateException failed) {
            return "failed: " + failed.getMessage();
        }
    }

    /** Its code never uses the operand stack (a max_stack of 0): a call before its return needs room made. */
    public void clear() {
    }

    public static void exit(int status) {
        lastExitStatus = status;
    }
}
