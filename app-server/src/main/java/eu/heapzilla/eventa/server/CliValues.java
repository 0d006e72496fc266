package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.Email;
import java.util.UUID;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The domain's values as command-line arguments: what the domain refuses is a usage error naming the value. */
final class CliValues {

    private CliValues() {
    }

    static final class EventIds implements ITypeConverter<EventId> {

        @Override
        public EventId convert(String text) {
            try {
                return new EventId(UUID.fromString(text.strip()));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + text + "' is not an event id (a UUID)");
            }
        }
    }

    static final class Emails implements ITypeConverter<Email> {

        @Override
        public Email convert(String text) {
            try {
                return Email.of(text);
            } catch (InvalidValue e) {
                throw new TypeConversionException("'" + text + "' is not an email address");
            }
        }
    }

    static final class Roles implements ITypeConverter<Role> {

        @Override
        public Role convert(String text) {
            try {
                return Role.parse("role", text.strip());
            } catch (InvalidValue e) {
                throw new TypeConversionException("'" + text + "' is not a role: owner, editor or viewer");
            }
        }
    }

    static final class BackupMethods implements ITypeConverter<DatabaseBackup.Method> {

        @Override
        public DatabaseBackup.Method convert(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "auto" -> DatabaseBackup.Method.AUTO;
                case "built-in" -> DatabaseBackup.Method.BUILT_IN;
                case "pg-dump" -> DatabaseBackup.Method.PG_DUMP;
                default -> throw new TypeConversionException("'" + text + "' is not a format: auto, built-in or pg-dump");
            };
        }
    }
}
