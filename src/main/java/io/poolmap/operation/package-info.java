/**
 * The operation API: what poolmap maps over a batch, and what an operation plug-in implements. It is the whole of
 * what a plug-in compiles against (shipped alone as {@code io.poolmap:poolmap-operation-api}, which needs nothing but
 * the JDK), so it changes only by addition (a new method on {@link io.poolmap.operation.Operation} comes with a
 * default), so that a plug-in built against one version keeps running on the next.
 *
 * <h2>Writing a plug-in</h2>
 * <ol>
 * <li>Implement {@link io.poolmap.operation.Operation}: {@link io.poolmap.operation.Operation#info()} describes it
 *     (name, description, {@link io.poolmap.operation.OperationKind kind}, domain, cost limit, an example, a typical
 *     cost per item), {@link io.poolmap.operation.Operation#refusal} says which inputs it refuses before a job exists,
 *     and {@link io.poolmap.operation.Operation#apply} computes one item of a {@link io.poolmap.operation.Numbers}
 *     batch into another. It needs a public constructor without arguments.</li>
 * <li>Name the class in {@code META-INF/services/io.poolmap.operation.Operation}, one class a line, as
 *     {@link java.util.ServiceLoader} reads it.</li>
 * <li>Package it as one jar with everything it needs but this API (a {@code provided} dependency), and drop the jar
 *     into the directory of {@code poolmap.plugins.dir}. poolmap loads each jar at start-up with a class loader of
 *     its own that sees the JDK, this package and the jar, nothing else of poolmap's.</li>
 * </ol>
 * An operation is a pure function of its input, safe to call from many threads at once, bounded in cost (its own
 * limits, said in its {@link io.poolmap.operation.OperationInfo}); an item it cannot compute throws
 * {@link io.poolmap.operation.OperationException}, which fails the job naming the item. Plug-ins are the operator's
 * code: poolmap trusts them as it trusts itself and does not sandbox them.
 */
package io.poolmap.operation;
