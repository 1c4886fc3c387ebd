/**
 * A list that renders only the rows in view (fixed row height), so 5,000 findings scroll
 * smoothly in a narrow pane. Keyboard: the list is one tab stop; Up/Down move between rows.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode, type UIEvent } from "react";

const useStyles = makeStyles({
  viewport: {
    overflowY: "auto",
    position: "relative",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  row: { position: "absolute", left: 0, right: 0, boxSizing: "border-box" },
  active: { backgroundColor: tokens.colorSubtleBackgroundHover },
});

export interface WindowedListProps<T> {
  readonly items: readonly T[];
  readonly rowHeight: number;
  readonly height: number;
  readonly label: string;
  readonly itemKey: (item: T) => string;
  readonly renderItem: (item: T, active: boolean) => ReactNode;
  readonly onActivate?: (item: T) => void;
  /** Rows rendered above and below the visible ones. */
  readonly overscan?: number;
}

export function WindowedList<T>(props: WindowedListProps<T>) {
  const { items, rowHeight, height, label, itemKey, renderItem, onActivate, overscan = 8 } = props;
  const styles = useStyles();
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), []);
  const move = (to: number) => {
    const next = Math.max(0, Math.min(items.length - 1, to));
    setActive(next);
    const el = viewport.current;
    if (!el) return;
    if (next * rowHeight < el.scrollTop) el.scrollTop = next * rowHeight;
    else if ((next + 1) * rowHeight > el.scrollTop + height) el.scrollTop = (next + 1) * rowHeight - height;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "ArrowDown") move(active + 1);
    else if (e.key === "ArrowUp") move(active - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(items.length - 1);
    else if ((e.key === "Enter" || e.key === " ") && items[active]) onActivate?.(items[active]);
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={viewport}
      role="list"
      aria-label={label}
      tabIndex={0}
      className={styles.viewport}
      style={{ height }}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: items.length * rowHeight, position: "relative" }}>
        {items.slice(first, last).map((item, i) => {
          const index = first + i;
          return (
            <div
              key={itemKey(item)}
              role="listitem"
              aria-setsize={items.length}
              aria-posinset={index + 1}
              className={`${styles.row} ${index === active ? styles.active : ""}`}
              style={{ top: index * rowHeight, height: rowHeight }}
            >
              {renderItem(item, index === active)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
