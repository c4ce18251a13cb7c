package dev.picket.processing.scrub;

/** A {@link ScrubbingConfig} turned into ready-to-run rules: lower-cased word lists and compiled patterns. */
record CompiledRules(KeyRules keys, ValueRules values) {

    static CompiledRules of(ScrubbingConfig config) {
        KeyRules keys = new KeyRules(config);
        return new CompiledRules(keys, new ValueRules(config, keys.sensitiveWords()));
    }
}
