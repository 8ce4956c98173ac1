/** An item as the floor screens show it in a table: name and option, the SKU below in the code font. */
export function ItemCell({ itemName, optionName, sku }: { itemName: string; optionName: string; sku: string }) {
  return (
    <td>
      {itemName} {optionName}
      <br />
      <span className="code">{sku}</span>
    </td>
  );
}
