// Generates jOOQ classes from the Flyway migrations, at generate-sources.
// Inputs (gmavenplus properties): jooqMigrations, jooqTarget, jooqWorkDir.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import org.flywaydb.core.Flyway
import org.jooq.codegen.GenerationTool
import org.jooq.meta.jaxb.*

def migrationsDir = new File(jooqMigrations as String)
def targetDir = new File(jooqTarget as String)
def workDir = new File(jooqWorkDir as String)

def fingerprint = migrationsDir.listFiles().findAll { it.name.endsWith('.sql') }.sort { it.name }
        .collect { it.name + ':' + it.text.digest('SHA-256') }.join('|')
def stamp = new File(targetDir, '.migrations-fingerprint')
if (stamp.exists() && stamp.text == fingerprint) {
    log.info("jOOQ classes are up to date with ${migrationsDir}")
    return
}

targetDir.deleteDir()
workDir.deleteDir()
workDir.mkdirs()
log.info("Generating jOOQ classes from ${migrationsDir} against an embedded PostgreSQL")
def pg = EmbeddedPostgres.builder().setDataDirectory(workDir.toPath()).setCleanDataDirectory(true).start()
try {
    def url = pg.getJdbcUrl('postgres', 'postgres')
    Flyway.configure()
            .dataSource(url, 'postgres', 'postgres')
            .locations('filesystem:' + migrationsDir.absolutePath)
            .load()
            .migrate()
    GenerationTool.generate(new Configuration()
            .withLogging(Logging.WARN)
            .withJdbc(new Jdbc().withDriver('org.postgresql.Driver').withUrl(url).withUser('postgres').withPassword('postgres'))
            .withGenerator(new Generator()
                    .withDatabase(new Database()
                            .withName('org.jooq.meta.postgres.PostgresDatabase')
                            .withInputSchema('public')
                            .withOutputSchemaToDefault(true)
                            .withExcludes('flyway_schema_history'))
                    .withGenerate(new Generate()
                            .withJavaTimeTypes(true)
                            .withRecords(true)
                            .withPojos(false)
                            .withDaos(false)
                            .withComments(false)
                            .withJavadoc(false)
                            .withGeneratedAnnotation(false))
                    .withTarget(new Target()
                            .withPackageName('eu.heapzilla.eventa.adapters.postgres.jooq')
                            .withDirectory(targetDir.absolutePath))))
} finally {
    pg.close()
    workDir.deleteDir()
}
stamp.text = fingerprint
