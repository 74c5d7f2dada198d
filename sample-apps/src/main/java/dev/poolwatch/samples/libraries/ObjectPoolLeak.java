package dev.poolwatch.samples.libraries;

import java.time.Duration;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;

/**
 * A commons-pool2 object pool with an evictor, never closed: the evictor's scheduled pool runs on.
 * With {@code close} as the first argument, it closes the pool instead; with {@code borrowed}, an object
 * is still borrowed when the program exits.
 */
public final class ObjectPoolLeak {

    private ObjectPoolLeak() {
    }

    public static void main(String[] args) throws Exception {
        GenericObjectPool<StringBuilder> pool = new GenericObjectPool<>(new BasePooledObjectFactory<>() {
            @Override
            public StringBuilder create() {
                return new StringBuilder();
            }

            @Override
            public PooledObject<StringBuilder> wrap(StringBuilder buffer) {
                return new DefaultPooledObject<>(buffer);
            }
        });
        pool.setDurationBetweenEvictionRuns(Duration.ofMillis(50));
        StringBuilder borrowed = pool.borrowObject();
        if (args.length == 0 || !args[0].equals("borrowed")) {
            pool.returnObject(borrowed);
        }
        if (args.length > 0 && args[0].equals("close")) {
            pool.close();
        }
    }
}
