/**
 * The architecture of eventa (DESIGN section 1), checked with ArchUnit over the production
 * classes of domain, ports, the four adapters and app-server, as they arrive on this module's
 * test classpath (main jars only, test classes excluded).
 *
 * <p>{@link eu.heapzilla.eventa.architecture.ArchitectureRules} holds one rule per statement:
 *
 * <ol>
 *   <li>{@code domain} depends on {@code java..} and itself only: no library, framework or
 *       {@code javax} type.
 *   <li>{@code ports} depends on {@code java..}, {@code domain} and itself only.
 *   <li>No adapter ({@code postgres}, {@code http}, {@code push}, {@code mail}) depends on
 *       another.
 *   <li>Nothing outside {@code server} depends on {@code server}.
 *   <li>{@code ports.service} is reached only through {@code UseCases} (and its nested types),
 *       and only {@code server} uses {@code UseCases}; adapters see {@code ports.in} only.
 *   <li>Services in {@code ports.service} that implement a {@code ports.in} interface are not
 *       public.
 *   <li>Adapter classes that implement a {@code ports.out} interface are not public: adapters
 *       are not public API.
 *   <li>{@code domain} and {@code ports} depend on no adapter and not on {@code server}:
 *       dependencies point inward only.
 *   <li>No cycles between packages; the generated jOOQ tree
 *       ({@code adapters.postgres.jooq..}), cyclic by nature, counts as one package.
 * </ol>
 *
 * <p>{@link eu.heapzilla.eventa.architecture.ArchitectureTest} checks the rules, and that every
 * module was imported at all (a rule over nothing passes). {@link
 * eu.heapzilla.eventa.architecture.ArchitectureRulesCanFailTest} proves that each rule rejects
 * a fixture class that breaks it; the fixtures live in test sources under
 * {@code eu.heapzilla.eventa.**.archfixture..} and are never part of the production check.
 *
 * <p>These rules are the second line: {@code domain} and {@code ports} also ban non-JDK
 * dependencies in their POMs (maven-enforcer), so most violations fail compilation first. The
 * rules see what the compiler leaves in bytecode: an unused import is invisible to them.
 */
package eu.heapzilla.eventa.architecture;
