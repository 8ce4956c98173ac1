/** The two databases the hub runs on; migrations differ only where the SQL types do. */
export type Dialect = 'sqlite' | 'postgres';
