// The one error vocabulary of services and domain code. Nothing here knows HTTP: src/web/errors.ts
// is the only place that maps these to a status and a page (docs/architecture.md, "Errors").

/** Message parameters. A value written "@key" is itself a message key (translated in place). */
export type Params = Record<string, string | number>;

/**
 * One reason a request was refused: a message key with its parameters and, where it applies,
 * the place (a row and column of an imported file, the value found there).
 */
export type Problem = { key: string; params?: Params; row?: number; column?: string; value?: string };

/** Base of every expected error: a message key and its parameters. */
export class AppError extends Error {
  readonly params: Params;
  constructor(readonly key: string, params: Params = {}) {
    super(key);
    this.name = new.target.name;
    this.params = params;
  }
  /** The form field the message belongs to, when a service names one (`params.field`). */
  get field(): string | undefined {
    return typeof this.params.field === 'string' ? this.params.field : undefined;
  }
}

/** Missing, or outside the actor's scope: the two look the same to the caller. */
export class NotFound extends AppError {
  constructor(key = 'error.notFound', params?: Params) {
    super(key, params);
  }
}

/** The actor can see the record but may not do this to it. */
export class Forbidden extends AppError {
  constructor(key = 'error.forbidden', params?: Params) {
    super(key, params);
  }
}

/**
 * A rule says no in the current state of things (a phase is closed, a code is taken, the SKP
 * is not complete): the form comes back with the reason and, when there are several, the list.
 */
export class Refused extends AppError {
  constructor(key: string, params: Params = {}, readonly problems: readonly Problem[] = []) {
    super(key, params);
  }
}

/** What was sent cannot be used as it is (an import file, its rows): the list says where. */
export class Invalid extends Refused {}

/** Someone else changed the record first (its version moved on). */
export class Conflict extends Refused {
  constructor(key = 'conflict.changedBySomeoneElse', params: Params = {}) {
    super(key, params);
  }
}
