package dev.pylon.evsemanager.internal;

/**
 * The module config of {@code modules/EvseManager/manifest.yaml} as a DS component property type. DS maps a double
 * underscore in a method name to one underscore in the property name, so {@code connector__id()} reads
 * {@code connector_id}; defaults repeat the manifest's (the runtime fills them in anyway).
 * {@link ConfigMapper} turns it into the logic's {@link dev.pylon.evsemanager.internal.session.ChargerConfig}.
 */
public @interface EvseManagerConfig {
    int connector__id() default 1;

    String connector__type() default "Unknown";

    String evse__id() default "DE*PNX*E1234567*1";

    double ac__nominal__voltage() default 230;

    boolean three__phases() default true;

    boolean has__ventilation() default true;

    double max__current__import__A() default 32;

    double max__current__export__A() default 32;

    String charge__mode() default "AC";

    boolean ac__hlc__enabled() default false;

    boolean ac__hlc__use__5percent() default true;

    boolean ac__enforce__hlc() default false;

    boolean disable__authentication() default false;

    boolean request__zero__power__in__idle() default false;

    boolean external__ready__to__start__charging() default false;

    int initial__meter__value__timeout__ms() default 5000;

    boolean lock__connector__in__state__b() default true;

    int state__F__after__fault__ms() default 300;

    boolean fail__on__powermeter__errors() default true;

    boolean raise__mrec9() default false;

    double soft__over__current__tolerance__percent() default 10.0;

    double soft__over__current__measurement__noise__A() default 0.5;

    int soft__over__current__timeout__ms() default 7000;

    boolean session__logging() default false;
}
